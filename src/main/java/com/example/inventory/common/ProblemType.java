package com.example.inventory.common;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;

/** The stable problem {@code type}s of the API: {@code https://inventory.example/problems/<name>}. */
public enum ProblemType {

    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request", "errors"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Scope required", "requiredScope"),
    PRODUCT_NOT_FOUND("product-not-found", HttpStatus.NOT_FOUND, "Product not found", "sku"),
    DUPLICATE_SKU("duplicate-sku", HttpStatus.CONFLICT, "Duplicate SKU", "sku"),
    LOCATION_NOT_FOUND("location-not-found", HttpStatus.NOT_FOUND, "Location not found", "location"),
    DUPLICATE_LOCATION("duplicate-location", HttpStatus.CONFLICT, "Duplicate location", "location"),
    INSUFFICIENT_STOCK("insufficient-stock", HttpStatus.CONFLICT, "Insufficient stock", "sku", "requested", "available"),
    ORDER_CONFLICT("order-conflict", HttpStatus.CONFLICT, "Order id already used", "orderId"),
    STOCK_LIMIT_EXCEEDED("stock-limit-exceeded", HttpStatus.CONFLICT, "Stock limit exceeded", "sku"),
    DEDUCTION_NOT_FOUND("deduction-not-found", HttpStatus.NOT_FOUND, "Deduction not found"),
    RESERVATION_NOT_FOUND("reservation-not-found", HttpStatus.NOT_FOUND, "Reservation not found"),
    RESERVATION_EXPIRED("reservation-expired", HttpStatus.CONFLICT, "Reservation expired"),
    RESERVATION_RELEASED("reservation-released", HttpStatus.CONFLICT, "Reservation released"),
    RESERVATION_CONFIRMED("reservation-confirmed", HttpStatus.CONFLICT, "Reservation confirmed"),
    HOLD_QUOTA_EXCEEDED("hold-quota-exceeded", HttpStatus.CONFLICT, "Hold quota exceeded", "held", "limit"),
    RESERVATION_LIFETIME_EXCEEDED("reservation-lifetime-exceeded", HttpStatus.CONFLICT, "Reservation lifetime exceeded",
            "maxExpiresAt"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT,
            "Idempotency key used with another request"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", HttpStatus.CONFLICT, "Idempotency key in use"),
    CONTENTION("contention", HttpStatus.SERVICE_UNAVAILABLE, "Too much contention, try again"),
    DATA_CONFLICT("data-conflict", HttpStatus.CONFLICT, "Rejected by a data constraint"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    HTTP_ERROR("http-error", HttpStatus.BAD_REQUEST, "Request failed");

    public static final String BASE = "https://inventory.example/problems/";

    private final String name;
    private final HttpStatus status;
    private final String title;
    private final List<String> members;

    ProblemType(String name, HttpStatus status, String title, String... members) {
        this.name = name;
        this.status = status;
        this.title = title;
        this.members = List.of(members);
    }

    public URI uri() {
        return URI.create(BASE + name);
    }

    public String typeName() {
        return name;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The extra members every problem of this type carries, besides {@code type}, {@code title}, … */
    public List<String> members() {
        return members;
    }

    /** The generic type for a status that no domain failure explains (Spring's own 4xx, the servlet container's). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : HTTP_ERROR;
        };
    }
}
