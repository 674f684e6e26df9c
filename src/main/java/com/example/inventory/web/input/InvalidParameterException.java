package com.example.inventory.web.input;

import org.springframework.modulith.NamedInterface;

/**
 * A query parameter that no endpoint could accept: answered 400 {@code validation}, naming it. Controllers throw it
 * too, for a rule between parameters that no single parameter's constraint can say.
 */
@NamedInterface("parameters")
public class InvalidParameterException extends RuntimeException {

    /** What the {@code field} of the problem's error says when the query string as a whole is malformed. */
    public static final String QUERY = "query";

    private final String parameter;
    private final String reason;

    private InvalidParameterException(String parameter, String reason) {
        super("Parameter '" + parameter + "' " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public static InvalidParameterException malformedQuery() {
        return new InvalidParameterException(QUERY, "is not well-formed: a parameter without a name, a bad "
                + "percent-escape or bytes that are not UTF-8");
    }

    public static InvalidParameterException of(String parameter, String reason) {
        return new InvalidParameterException(parameter, reason);
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }
}
