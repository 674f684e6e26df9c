package com.example.inventory.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the API's problem details. */
public final class Problems {

    /** Extra member of a {@code validation} problem: which field failed and why. */
    public record FieldError(String field, String message) {
    }

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(ProblemType.VALIDATION, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Gives a problem made by Spring ({@code about:blank}) the API's type and title for its status. */
    static ProblemDetail withApiType(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            ProblemType type = ProblemType.forStatus(status.value());
            problem.setType(type.uri());
            if (type.status().value() == status.value()) {
                problem.setTitle(type.title());
            }
        }
        return problem;
    }
}
