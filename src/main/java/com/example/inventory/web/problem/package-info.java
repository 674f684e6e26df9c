/**
 * Errors as RFC 9457 problem details for everything outside the features' own failures: Spring's and the servlet container's 4xx, unreadable bodies and parameters, and the catch-all that keeps any other failure from leaking a stack trace.
 */
@NullMarked
package com.example.inventory.web.problem;

import org.jspecify.annotations.NullMarked;
