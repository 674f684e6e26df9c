package com.example.inventory.location;

import com.example.inventory.common.HasVisibleCharacter;
import com.example.inventory.common.InventoryLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;

/** Request bodies of the location API. */
final class LocationRequests {

    private LocationRequests() {
    }

    /** A code in the SKU alphabet, a name by the product name's rule, a priority (lower is preferred). */
    record CreateLocation(
            @Schema(example = "WH-EAST")
            @NotNull @Pattern(regexp = InventoryLimits.KEY_PATTERN, message = InventoryLimits.KEY_PATTERN_MESSAGE) String code,
            // Counted in characters (code points), as JSON Schema's maxLength and PostgreSQL's varchar count them.
            @NotNull @CodePointLength(min = 1, max = InventoryLimits.MAX_NAME_LENGTH)
            // The pattern says the rule for the Basic Multilingual Plane; the constraint says all of it.
            @Schema(minLength = 1, maxLength = InventoryLimits.MAX_NAME_LENGTH, pattern = InventoryLimits.NAME_PATTERN,
                    description = InventoryLimits.NAME_RULE, example = "East warehouse")
            @HasVisibleCharacter String name,
            @Schema(example = "10", description = "0.." + InventoryLimits.MAX_LOCATION_PRIORITY + "; lower is preferred")
            @NotNull @Min(0) @Max(InventoryLimits.MAX_LOCATION_PRIORITY) Integer priority) {
    }
}
