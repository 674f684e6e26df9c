package com.example.inventory.product;

import com.example.inventory.common.HasVisibleCharacter;
import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.ThresholdChange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request bodies of the product API. */
final class ProductRequests {

    /** The product's members a patch cannot change ({@link ProductPatch#READ_ONLY}), as the document says them. */
    static final String PATCH_READ_ONLY = "`sku`, `stock`, `reserved`, `available`, `version`, `updatedAt`";

    private ProductRequests() {
    }

    record CreateProduct(
            @Schema(example = "PHONE-1")
            @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE) String sku,
            // Counted in characters (code points), as JSON Schema's maxLength and PostgreSQL's varchar count them.
            @NotNull @CodePointLength(min = 1, max = InventoryLimits.MAX_NAME_LENGTH)
            // The pattern says the rule for the Basic Multilingual Plane; the constraint says all of it.
            @Schema(minLength = 1, maxLength = InventoryLimits.MAX_NAME_LENGTH, pattern = InventoryLimits.NAME_PATTERN,
                    description = InventoryLimits.NAME_RULE, example = "Phone")
            @HasVisibleCharacter String name,
            @Schema(example = "100") @NotNull @Min(0) @Max(InventoryLimits.MAX_STOCK) Integer stock,
            @Schema(types = {"integer", "null"}, description = "Optional: below it the stock counts as low; absent "
                    + "or null: no threshold")
            @Min(0) @Max(InventoryLimits.MAX_STOCK) @Nullable Integer lowStockThreshold) {
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
        static final List<String> READ_ONLY = List.of("sku", "stock", "reserved", "available", "version", "updatedAt");

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
                    refusals.put(member, "cannot be patched" + (member.equals("stock")
                            ? ": stock changes by restocks and orders" : ""));
                }
            }
            return refusals;
        }
    }

    record Restock(@Schema(example = "50") @NotNull @Min(1) @Max(InventoryLimits.MAX_STOCK) Integer quantity) {
    }
}
