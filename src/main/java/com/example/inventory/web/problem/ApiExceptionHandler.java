package com.example.inventory.web.problem;

import com.example.inventory.common.DatabaseFaults;
import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;
import com.example.inventory.web.input.DuplicatePropertyException;
import com.example.inventory.web.input.InvalidParameterException;
import com.example.inventory.web.input.PayloadTooLargeException;
import com.example.inventory.web.input.StrictJsonConfiguration;
import com.example.inventory.web.input.Utf8Check;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure that no feature maps itself to an RFC 9457 problem detail with one of the API's
 * {@link ProblemType}s: Spring MVC's own (unknown path, wrong method, wrong media type, unreadable body), the
 * database's, and the unexpected. Each feature maps its own exceptions in an advice that runs before this one (the
 * stock core's, {@code StockProblems}, also a lock timeout).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * No database connection could be had in time (pool exhausted, database down), or the connection was lost, and
     * nothing was changed: where a write may have committed, the service found out before it got here.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return Problems.retryLater(ProblemType.SERVICE_UNAVAILABLE, "The database is busy or unavailable; try again shortly");
    }

    /**
     * A write the database refused: its constraints caught what the application should have. A read has nothing to
     * conflict with: there it can only be a value that validation let through, a bug answered as one.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> dataIntegrity(DataIntegrityViolationException e, HttpServletRequest request) {
        if (isSafe(request.getMethod())) {
            return unexpected(e, request);
        }
        log.error("A database constraint rejected a write", e);
        return Problems.respond(Problems.of(ProblemType.DATA_CONFLICT, "The change was rejected by a data constraint"));
    }

    /** A query string or parameter no endpoint could accept, refused before any controller ran. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        return Problems.respond(Problems.validation(e.getMessage(),
                List.of(new Problems.FieldError(e.parameter(), e.reason()))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
        return Problems.respond(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseFaults.isUnavailable(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.respond(Problems.of(ProblemType.INTERNAL_ERROR, "An unexpected error occurred"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationFailed(ex, headers, fieldErrors(ex.getBindingResult()), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof Errors bound) {
                errors.addAll(fieldErrors(bound));
            } else {
                String name = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new Problems.FieldError(name, error.getDefaultMessage()));
                }
            }
        });
        return validationFailed(ex, headers, errors, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        String message = "has an invalid value '" + ex.getValue() + "'";
        if (ex.getRequiredType() != null && ex.getRequiredType().isEnum()) {
            message = "must be one of " + enumValues(ex.getRequiredType());
        }
        return validationFailed(ex, headers, List.of(new Problems.FieldError(name, message)), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The request's own path: the resource path has lost what made it unknown (a trailing slash, say).
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
                : "/" + ex.getResourcePath();
        ProblemDetail problem = Problems.of(ProblemType.NOT_FOUND, "No endpoint " + ex.getHttpMethod() + " " + path);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return validationFailed(ex, headers,
                List.of(new Problems.FieldError(ex.getParameterName(), "is required")), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
        }
        Utf8Check.NotUtf8Exception notUtf8 = findCause(ex, Utf8Check.NotUtf8Exception.class);
        if (notUtf8 != null) {
            ProblemDetail problem = Problems.validation(notUtf8.getMessage(), List.of());
            return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
        }
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson == null) {
            ProblemDetail problem = Problems.validation("The request body is missing or unreadable", List.of());
            return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
        }
        if (jackson instanceof DuplicatePropertyException duplicate) {
            return validationFailed(ex, headers,
                    List.of(new Problems.FieldError(duplicate.path(), "appears more than once")), request);
        }
        if (jackson instanceof StreamReadException && !(jackson instanceof InputCoercionException)) {
            ProblemDetail problem = Problems.validation("The request body is not well-formed JSON", List.of());
            return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
        }
        String field = path(jackson);
        String message = jackson instanceof StrictJsonConfiguration.UnacceptableText text ? text.reason()
                : jackson instanceof InputCoercionException ? "is out of range"
                : jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                        ? "must be " + describe(mismatch.getTargetType())
                        : "has an invalid value";
        List<Problems.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problems.FieldError(field, message));
        ProblemDetail problem = Problems.validation(
                field.isEmpty() ? "The request body has the wrong shape" : "Field '" + field + "' " + message, errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && servlet.getResponse().isCommitted()) {
            // The client's own doing (it hung up, or sent a body cut short): nothing is left to answer, and Spring
            // would log a WARN per such request, which a client could use to flood the log.
            log.debug("Response already committed; not answering {}", ex.toString());
            return null;
        }
        if (body == null) {
            // An ErrorResponse (a missing scope, say) carries its own problem; anything else gets one for its status.
            body = ex instanceof ErrorResponse response ? response.getBody()
                    : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        }
        if (body instanceof ProblemDetail problem) {
            Problems.withApiType(problem, statusCode);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> validationFailed(Exception ex, HttpHeaders headers,
            List<Problems.FieldError> errors, WebRequest request) {
        List<Problems.FieldError> sorted = errors.stream()
                .sorted(Comparator.comparing(Problems.FieldError::field).thenComparing(Problems.FieldError::message))
                .toList();
        String detail = sorted.isEmpty() ? "The request is invalid"
                : "The request is invalid: " + sorted.stream().map(e -> e.field() + " " + e.message())
                        .reduce((a, b) -> a + "; " + b).orElseThrow();
        ProblemDetail problem = Problems.validation(detail, sorted);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static List<Problems.FieldError> fieldErrors(Errors errors) {
        List<Problems.FieldError> result = new ArrayList<>();
        errors.getFieldErrors().forEach(e -> result.add(new Problems.FieldError(e.getField(), e.getDefaultMessage())));
        String objectName = errors instanceof BindingResult bound ? bound.getObjectName() : "body";
        errors.getGlobalErrors().forEach(e -> result.add(new Problems.FieldError(objectName, e.getDefaultMessage())));
        return result;
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String enumValues(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase()).toList()
                .toString();
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
