/**
 * What every controller shares: idempotent answers, pages, tracing, the scope each endpoint needs
 * ({@code RequiredScope}). Its rooms: {@code security} (who may call: the OAuth2 resource server, the scope check, the
 * caller as an argument), {@code problem} (problem details for what no feature maps itself), {@code input} (the rules
 * a request passes before a controller sees it), {@code openapi} (the document; controllers use its
 * {@code ProblemResponses}).
 */
@NullMarked
package com.example.inventory.web;

import org.jspecify.annotations.NullMarked;
