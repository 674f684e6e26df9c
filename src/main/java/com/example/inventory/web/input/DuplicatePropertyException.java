package com.example.inventory.web.input;

import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * A JSON object with a property given twice: which one counts would be a guess. Thrown by {@link UniqueProperties}
 * on the second one; {@link #path()} names it as a problem's {@code errors} do ({@code items[0].quantity}).
 */
public final class DuplicatePropertyException extends StreamReadException {

    private final String path;

    DuplicatePropertyException(JsonParser parser) {
        this(parser, path(parser));
    }

    private DuplicatePropertyException(JsonParser parser, String path) {
        super(parser, "Property '" + path + "' appears more than once");
        this.path = path;
    }

    /** The property's path from the root of the document: names joined by {@code .}, array indexes in brackets. */
    public String path() {
        return path;
    }

    /** The path of the property {@code parser} has just read the name of. */
    private static String path(JsonParser parser) {
        Deque<Object> segments = new ArrayDeque<>();
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.currentName() != null) {
                segments.push(context.currentName());
            } else if (context.inArray()) {
                segments.push(context.getCurrentIndex());
            }
        }
        StringBuilder path = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }
}
