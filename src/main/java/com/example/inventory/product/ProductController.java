package com.example.inventory.product;

import com.example.inventory.common.Caller;
import com.example.inventory.common.InventoryLimits;
import com.example.inventory.common.ProblemType;
import com.example.inventory.stock.MovementView;
import com.example.inventory.stock.ProductView;
import com.example.inventory.web.IdempotentResponses;
import com.example.inventory.web.PageView;
import com.example.inventory.web.RequiredScope;
import com.example.inventory.web.input.InvalidParameterException;
import com.example.inventory.web.openapi.ProblemResponses;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Products")
@RequestMapping(path = "/api/v1/products", produces = MediaType.APPLICATION_JSON_VALUE)
class ProductController {

    /** JSON Merge Patch, RFC 7396. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    static final int MAX_PAGE_SIZE = 100;
    /** The last page whose first row (page × size) still fits the database's int offset. */
    static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE - 1;

    private final CatalogService catalog;

    ProductController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @RequiredScope(Caller.ADMIN)
    @Operation(summary = "Create a product with its initial stock")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", required = true,
            description = "/api/v1/products/{sku}", schema = @Schema(type = "string")))
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.LOCATION_NOT_FOUND, ProblemType.DUPLICATE_SKU,
            ProblemType.STOCK_LIMIT_EXCEEDED})
    ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequests.CreateProduct request, Caller caller) {
        ProductView created = catalog.create(request.sku(), request.name().strip(), request.stockByLocation(),
                request.lowStockThreshold(), caller.clientId());
        URI location = UriComponentsBuilder.fromPath("/api/v1/products/{sku}").buildAndExpand(created.sku()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{sku}")
    @RequiredScope(Caller.READ)
    @Operation(summary = "A product and its stock")
    @ProblemResponses(ProblemType.PRODUCT_NOT_FOUND)
    ProductView get(@PathVariable String sku) {
        return catalog.product(sku);
    }

    @PatchMapping(path = "/{sku}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    @RequiredScope(Caller.ADMIN)
    @Operation(summary = "Change a product's name or low-stock threshold (JSON Merge Patch)", description = "A JSON "
            + "Merge Patch (RFC 7396), sent as `" + MERGE_PATCH + "` or as `application/json` (read as a merge patch "
            + "either way; another type, `application/json-patch+json` included, is a 415 with `Accept-Patch`). A "
            + "member given is set and `null` clears it; an absent member stays as it is; `{}` changes nothing. "
            + "`name` follows the rule of names and cannot be null; `lowStockThreshold` is 0.." + InventoryLimits.MAX_STOCK
            + " or null (none). " + ProductRequests.PATCH_READ_ONLY + " cannot be patched: "
            + "a 400 `validation` naming them (stock changes by restocks and orders). Unknown members are ignored. "
            + "The body must be a JSON object.\n\nNo ledger entry: no unit moves. The change is taken under the "
            + "product's row lock, so it never loses a concurrent restock or order; `version` and `updatedAt` move "
            + "only when a value changed.")
    @ApiResponse(responseCode = "200", description = "The product as it is after the patch")
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.PRODUCT_NOT_FOUND})
    ProductView patch(@PathVariable String sku, @Valid @RequestBody ProductRequests.ProductPatch patch) {
        if (!patch.refusals().isEmpty()) {
            throw InvalidPatchException.of(patch.refusals());
        }
        return catalog.describe(sku, patch.newName(), patch.newThreshold());
    }

    @GetMapping
    @RequiredScope(Caller.READ)
    @Operation(summary = "Products, sorted by SKU, a page at a time")
    @ProblemResponses(ProblemType.VALIDATION)
    PageView<ProductView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return PageView.of(catalog.products(page, size));
    }

    @PostMapping("/{sku}/restock")
    @RequiredScope(Caller.ADMIN)
    @Operation(summary = "Raise a product's stock", description = "A restock that would lift the stock above the limit ("
            + InventoryLimits.MAX_STOCK + ") is refused whole: 409 `stock-limit-exceeded`, nothing changed.\n\n"
            + "With an `Idempotency-Key` the restock happens once per key of the client (keys are kept at least 24 h): "
            + "the same key with the same request (SKU and quantity) again answers the stored answer with "
            + "`Idempotent-Replayed: true` and changes nothing; with another request it is a 422 "
            + "`idempotency-key-reused`; while a request with the key is still being processed, a 409 "
            + "`idempotency-key-in-use` (retry later for its answer). A restock that fails keeps no key.")
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER, required = false, description = "Makes the "
            + "restock safe to repeat: " + IdempotencyKey.RULE + "; a client's own (another client may use the same "
            + "key). A key that breaks the rule is a 400 `validation` naming `" + IdempotencyKey.HEADER + "`.",
            schema = @Schema(type = "string", minLength = 1, maxLength = IdempotencyKey.MAX_LENGTH,
                    pattern = IdempotencyKey.PATTERN, example = "restock-2025-06-01-PHONE-1"))
    @ApiResponse(responseCode = "200", description = "The product, its stock raised; or, with an `Idempotency-Key` "
            + "used before for the same request, the stored answer, nothing changed", headers = @Header(
            name = IdempotentResponses.REPLAYED_HEADER, required = false, description = "`true` on a replay of a "
            + "stored answer; absent otherwise", schema = @Schema(type = "string", allowableValues = "true")))
    @ApiResponse(responseCode = "400", description = "An invalid body, or an `Idempotency-Key` that breaks its rule "
            + "or is given more than once (`errors` name `" + IdempotencyKey.HEADER + "`).")
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.PRODUCT_NOT_FOUND, ProblemType.LOCATION_NOT_FOUND,
            ProblemType.STOCK_LIMIT_EXCEEDED, ProblemType.IDEMPOTENCY_KEY_IN_USE, ProblemType.IDEMPOTENCY_KEY_REUSED})
    ResponseEntity<ProductView> restock(@PathVariable String sku, @Valid @RequestBody ProductRequests.Restock request,
                                        Caller caller, HttpServletRequest http) {
        Optional<IdempotencyKey> key = IdempotencyKey.of(Collections.list(http.getHeaders(IdempotencyKey.HEADER)));
        if (key.isEmpty()) {
            return ResponseEntity.ok(catalog.restock(sku, request.quantity(), request.at(), caller.clientId()));
        }
        CatalogService.Restocked restocked = catalog.restock(sku, request.quantity(), request.at(), caller.clientId(),
                key.get());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(restocked.status());
        if (restocked.replayed()) {
            answer.header(IdempotentResponses.REPLAYED_HEADER, "true");
        }
        return answer.body(restocked.product());
    }

    @GetMapping("/{sku}/movements")
    @RequiredScope(Caller.READ)
    @Operation(summary = "A product's ledger entries, newest first, a page at a time",
            description = "By page number (`page`, counted: `totalElements` and `totalPages` are given), or by keyset "
                    + "(`before`: the entries with an id below it, nothing counted: `number`, `totalElements` and "
                    + "`totalPages` are null). To read on, pass the last entry's `id` as `before`; a page with fewer "
                    + "than `size` entries is the last. `page` and `before` together are a 400 `validation`.")
    @ProblemResponses({ProblemType.VALIDATION, ProblemType.PRODUCT_NOT_FOUND})
    PageView<MovementView> movements(@PathVariable String sku,
                                     @RequestParam(required = false)
                                     @Parameter(schema = @Schema(type = "integer", format = "int32", defaultValue = "0"))
                                     @Min(0) @Max(MAX_PAGE) @Nullable Integer page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
                                     @RequestParam(required = false)
                                     @Parameter(description = "A ledger entry's id: the page holds the entries with "
                                             + "an id below it, newest first. Not with `page`.")
                                     @Min(1) @Nullable Long before) {
        if (before == null) {
            return PageView.of(catalog.movements(sku, page == null ? 0 : page, size));
        }
        if (page != null) {
            throw InvalidParameterException.of("before", "cannot be combined with page: a page is read by number "
                    + "or by keyset, not both");
        }
        return PageView.keyset(catalog.movementsBefore(sku, before, size), size);
    }
}
