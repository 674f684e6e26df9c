/**
 * What every controller shares: idempotent answers, pages, tracing. Its rooms: {@code problem} (problem details
 * for what no feature maps itself), {@code input} (the rules a request passes before a controller sees it),
 * {@code openapi} (the document; controllers use its {@code ProblemResponses}).
 */
@NullMarked
package com.example.inventory.web;

import org.jspecify.annotations.NullMarked;
