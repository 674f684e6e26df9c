package com.example.inventory.common;

import java.net.URI;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Builds the API's problem details, and the responses that carry them: the one place that decides what a problem
 * body holds, whoever writes it (an advice, the error controller, the servlet container's valve).
 */
public final class Problems {

    /** Seconds a client should wait before retrying after a 503. */
    public static final String RETRY_AFTER_SECONDS = "1";

    /** Extra member of a {@code validation} problem: which field failed and why. */
    public record FieldError(String field, String message) {
    }

    /**
     * Writes a problem as Spring MVC does, for those that answer before it or without it (the servlet container's
     * valve, the authentication filters).
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private Problems() {
    }

    /** The problem as its JSON body. */
    public static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(problem);
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        return of(type, type.status(), detail);
    }

    /** A problem of {@code type} answered with another status than the type's own (the servlet container's). */
    public static ProblemDetail of(ProblemType type, HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return withMembers(problem);
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(ProblemType.VALIDATION, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** A 503 whose {@code Retry-After} tells the client when to try again; nothing was changed. */
    public static ResponseEntity<ProblemDetail> retryLater(ProblemType type, String detail) {
        return ResponseEntity.status(type.status())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(of(type, detail));
    }

    /** Gives a problem made by Spring ({@code about:blank}) the API's type and title for its status. */
    public static ProblemDetail withApiType(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            ProblemType type = ProblemType.forStatus(status.value());
            problem.setType(type.uri());
            if (type.status().value() == status.value()) {
                problem.setTitle(type.title());
            }
        }
        return withMembers(problem);
    }

    /** A {@code validation} problem always has {@code errors}: empty when no one field is to blame. */
    private static ProblemDetail withMembers(ProblemDetail problem) {
        if (ProblemType.VALIDATION.uri().equals(problem.getType())
                && (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
            problem.setProperty("errors", List.of());
        }
        return problem;
    }
}
