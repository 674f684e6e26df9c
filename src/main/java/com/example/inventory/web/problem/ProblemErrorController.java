package com.example.inventory.web.problem;

import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that never reach a controller (rejected by the servlet container, or raised in a filter)
 * with a problem detail too, instead of Spring Boot's default error body.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpStatus.NOT_FOUND.value();
        ProblemType type = ProblemType.forStatus(status);
        HttpStatus httpStatus = HttpStatus.resolve(status);
        ProblemDetail problem = Problems.of(type, httpStatus != null ? httpStatus : HttpStatus.INTERNAL_SERVER_ERROR,
                status >= 500 ? "An unexpected error occurred" : type.title());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            problem.setInstance(java.net.URI.create(path.replace(" ", "%20")));
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
