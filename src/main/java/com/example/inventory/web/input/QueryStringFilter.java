package com.example.inventory.web.input;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A query string the servlet container cannot decode (a parameter without a name, a bad percent-escape, bytes that
 * are not UTF-8), a parameter that breaks the {@link TextRule}, or an API parameter given twice (which one counts
 * would be a guess) is 400 {@code validation}, naming the parameter ({@code query} for the string as a whole); a
 * form body over Tomcat's own limit is 413. The last rule, after the body and the media types. How an integer
 * parameter is written is checked where its type is known, when it is bound: {@link StrictParameters}.
 *
 * <p>Tomcat decodes parameters lazily and throws from every later {@code getParameter…} call, wherever it happens
 * (an argument resolver, an interceptor); decoding them here, once, keeps that from ever being an unexpected
 * failure.
 */
@Component
@Order(InputRuleFilter.QUERY_STRING)
class QueryStringFilter extends InputRuleFilter {

    /** The API's own paths, where no operation takes a parameter more than once. */
    private static final String API_PATHS = "/api/";

    QueryStringFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        super(problems);
    }

    @Override
    @Nullable Exception refusal(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            // Tomcat's InvalidParameterException; 413 when a form body is over server.tomcat.max-http-form-post-size
            return undecodable instanceof org.apache.tomcat.util.http.InvalidParameterException tomcat
                    && tomcat.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                    ? new PayloadTooLargeException() : InvalidParameterException.malformedQuery();
        }
        boolean api = request.getRequestURI().startsWith(API_PATHS);
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String violation = TextRule.violation(name);
            if (violation != null) {
                return InvalidParameterException.of(InvalidParameterException.QUERY,
                        "has a parameter name that " + violation);
            }
            if (api && parameter.getValue().length > 1) {
                return InvalidParameterException.of(name, "is given more than once");
            }
            for (String value : parameter.getValue()) {
                violation = TextRule.violation(value);
                if (violation != null) {
                    return InvalidParameterException.of(name, violation);
                }
            }
        }
        return null;
    }
}
