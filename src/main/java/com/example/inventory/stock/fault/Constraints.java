package com.example.inventory.stock.fault;

import org.hibernate.exception.ConstraintViolationException;

/** Recognises which database constraint a failed write ran into. */
public final class Constraints {

    private Constraints() {
    }

    /** Whether {@code failure}, or one of its causes, is a violation of the named constraint. */
    public static boolean violated(Throwable failure, String constraintName) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraintName.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
