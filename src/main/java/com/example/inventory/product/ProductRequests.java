package com.example.inventory.product;

import com.example.inventory.common.HasVisibleCharacter;
import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.Locations;
import com.example.inventory.stock.ThresholdChange;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request bodies of the product API. */
final class ProductRequests {

    /** The product's members a patch cannot change ({@link ProductPatch#READ_ONLY}), as the document says them. */
    static final String PATCH_READ_ONLY = "`sku`, `stock`, `reserved`, `available`, `locations`, `version`, `updatedAt`";

    private ProductRequests() {
    }

    @StockGivenOneWay
    @Schema(description = "A product and its initial stock: `stock` (at `DEFAULT`) or `locations`, not both",
            example = "{\"sku\":\"PHONE-1\",\"name\":\"Phone\",\"stock\":100}")
    record CreateProduct(
            @Schema(example = "PHONE-1")
            @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE) String sku,
            // Counted in characters (code points), as JSON Schema's maxLength and PostgreSQL's varchar count them.
            @NotNull @CodePointLength(min = 1, max = InventoryLimits.MAX_NAME_LENGTH)
            // The pattern says the rule for the Basic Multilingual Plane; the constraint says all of it.
            @Schema(minLength = 1, maxLength = InventoryLimits.MAX_NAME_LENGTH, pattern = InventoryLimits.NAME_PATTERN,
                    description = InventoryLimits.NAME_RULE, example = "Phone")
            @HasVisibleCharacter String name,
            @Schema(types = {"integer", "null"}, example = "100", description = "The initial stock, at `DEFAULT`; "
                    + "give this or `locations`")
            @Min(0) @Max(InventoryLimits.MAX_STOCK) @Nullable Integer stock,
            @ArraySchema(arraySchema = @Schema(types = {"array", "null"}, description = "The initial stock per "
                    + "location, each location once; give this or `stock`"), minItems = 1,
                    maxItems = InventoryLimits.MAX_LINES)
            @Size(min = 1, max = InventoryLimits.MAX_LINES) @Nullable List<@Valid @NotNull InitialStock> locations,
            @Schema(types = {"integer", "null"}, description = "Optional: below it the stock counts as low; absent "
                    + "or null: no threshold")
            @Min(0) @Max(InventoryLimits.MAX_STOCK) @Nullable Integer lowStockThreshold) {

        /** The initial stock by location, in the order given; call only on a request without {@link #refusals()}. */
        Map<String, Integer> stockByLocation() {
            Map<String, Integer> byLocation = new LinkedHashMap<>();
            if (locations == null) {
                byLocation.put(Locations.DEFAULT, stock == null ? 0 : stock);
            } else {
                locations.forEach(initial -> byLocation.put(Objects.requireNonNull(initial.location()),
                        Objects.requireNonNull(initial.stock())));
            }
            return byLocation;
        }

        /** The rules between members: each member refused, with why; empty when none. */
        Map<String, String> refusals() {
            Map<String, String> refusals = new TreeMap<>();
            if (stock != null && locations != null) {
                refusals.put("locations", "must not be given with stock: give the initial stock one way");
            } else if (stock == null && locations == null) {
                refusals.put("stock", "must not be null unless locations are given");
            } else if (locations != null) {
                Set<String> seen = new HashSet<>();
                long total = 0;
                for (InitialStock initial : locations) {
                    if (initial == null || initial.location() == null || initial.stock() == null) {
                        continue; // each member's own constraints refuse it
                    }
                    if (!seen.add(initial.location())) {
                        refusals.put("locations", "must name each location once, not " + initial.location() + " twice");
                        break;
                    }
                    total += initial.stock();
                }
                if (total > InventoryLimits.MAX_STOCK && !refusals.containsKey("locations")) {
                    refusals.put("locations", "must hold at most " + InventoryLimits.MAX_STOCK + " units together");
                }
            }
            return refusals;
        }
    }

    /**
     * The rules between a creation's {@code stock} and {@code locations} ({@link CreateProduct#refusals()}), reported
     * with the members' own violations, each naming its member.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = StockGivenOneWay.Validator.class)
    @interface StockGivenOneWay {

        String message() default "gives the initial stock one way";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<StockGivenOneWay, CreateProduct> {

            @Override
            public boolean isValid(@Nullable CreateProduct request, ConstraintValidatorContext context) {
                if (request == null) {
                    return true;
                }
                Map<String, String> refusals = request.refusals();
                if (refusals.isEmpty()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                // Messages name location codes (the SKU alphabet): nothing a message template would interpret.
                refusals.forEach((member, why) -> context.buildConstraintViolationWithTemplate(why)
                        .addPropertyNode(member).addConstraintViolation());
                return false;
            }
        }
    }

    /** A product's initial stock at one location. */
    record InitialStock(
            @Schema(example = "WH-1") @NotNull
            @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE)
            @Nullable String location,
            @Schema(example = "100") @NotNull @Min(0) @Max(InventoryLimits.MAX_STOCK) @Nullable Integer stock) {
    }

    /**
     * A JSON Merge Patch of a product (RFC 7396): a member given is set (null clears it), a member absent stays as it
     * is. Jackson calls each setter for a member given, null included, so the patch knows which were; the value rules
     * are the constraints on the fields (null passes them), the rules between a member and its presence
     * {@link #refusals()}. Unknown members are skipped unread, as everywhere; the members a product has but a patch
     * cannot change are read only to be refused.
     */
    @Schema(name = "ProductPatch", description = "A JSON Merge Patch (RFC 7396) of a product: a member given is set, "
            + "null clears it, an absent one stays. `name` cannot be cleared. The product's other members ("
            + PATCH_READ_ONLY + ") cannot be patched: a 400 `validation` naming them. Unknown members are ignored.")
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // so that the document shows the fields' rules
    static final class ProductPatch {

        /** The members of a product that only other operations change: stock by restocks and orders. */
        static final List<String> READ_ONLY = List.of("sku", "stock", "reserved", "available", "locations", "version",
                "updatedAt");

        @CodePointLength(min = 1, max = InventoryLimits.MAX_NAME_LENGTH)
        @Schema(minLength = 1, maxLength = InventoryLimits.MAX_NAME_LENGTH, pattern = InventoryLimits.NAME_PATTERN,
                description = InventoryLimits.NAME_RULE + " Not null: a product has a name.", example = "Phone")
        @HasVisibleCharacter
        private @Nullable String name;

        @Schema(types = {"integer", "null"}, minimum = "0", maximum = "1000000000", example = "10",
                description = "Below it the stock counts as low; null clears it")
        @Min(0) @Max(InventoryLimits.MAX_STOCK)
        private @Nullable Integer lowStockThreshold;

        @JsonIgnore
        @Schema(hidden = true)
        private final Set<String> given = new LinkedHashSet<>();

        @JsonSetter("name")
        void name(@Nullable String name) {
            this.name = name;
            given.add("name");
        }

        @JsonSetter("lowStockThreshold")
        void lowStockThreshold(@Nullable Integer lowStockThreshold) {
            this.lowStockThreshold = lowStockThreshold;
            given.add("lowStockThreshold");
        }

        @JsonAnySetter
        void other(String member, JsonNode value) {
            if (READ_ONLY.contains(member)) {
                given.add(member);
            }
        }

        /** The new name, stripped; null when the patch leaves the name. */
        @Nullable String newName() {
            return name == null ? null : name.strip();
        }

        /** The new threshold; null when the patch leaves it (a change to none is a {@link ThresholdChange} of null). */
        @Nullable ThresholdChange newThreshold() {
            return given.contains("lowStockThreshold") ? new ThresholdChange(lowStockThreshold) : null;
        }

        /** What the patch asks that no patch may: each member with why; empty when nothing. */
        Map<String, String> refusals() {
            Map<String, String> refusals = new TreeMap<>();
            if (given.contains("name") && name == null) {
                refusals.put("name", "must not be null: a product has a name");
            }
            for (String member : READ_ONLY) {
                if (given.contains(member)) {
                    refusals.put(member, "cannot be patched" + (member.equals("stock") || member.equals("locations")
                            ? ": stock changes by restocks and orders" : ""));
                }
            }
            return refusals;
        }
    }

    record Restock(@Schema(example = "50") @NotNull @Min(1) @Max(InventoryLimits.MAX_STOCK) Integer quantity,
                   @Schema(types = {"string", "null"}, description = "Where the units arrive; "
                           + "absent or null: `DEFAULT`")
                   @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE)
                   @Nullable String location) {

        /** Where the units arrive. */
        String at() {
            return location == null ? Locations.DEFAULT : location;
        }
    }
}
