/**
 * The input rules applied before a controller sees a request: body size, well-formed UTF-8, media types, strict JSON scalars, strict query parameters, and the servlet container's own limits.
 */
@NullMarked
package com.example.inventory.web.input;

import org.jspecify.annotations.NullMarked;
