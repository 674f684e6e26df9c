package com.example.inventory.web.problem;

import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat answers some malformed requests (bad escapes, encoded slashes) before any servlet runs, with an HTML
 * page. This valve makes those answers problem details like every other error of the API. A request that uses a
 * protocol feature Tomcat does not implement (a transfer coding such as {@code gzip}, an HTTP version other than
 * 1.x in the request line) is the client's mistake here, not a failure of the service: a 400, not 501 or 505.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED
                || status == HttpServletResponse.SC_HTTP_VERSION_NOT_SUPPORTED) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            response.setStatus(status);
        }
        ProblemDetail problem = Problems.of(ProblemType.forStatus(status), HttpStatusCode.valueOf(status),
                status >= 500 ? "An unexpected error occurred" : "The request could not be understood");
        try {
            String body = Problems.json(problem);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing more to tell it.
        }
    }
}
