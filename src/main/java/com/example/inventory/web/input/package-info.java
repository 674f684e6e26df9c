/**
 * The input rules applied before a controller sees a request, one filter each, in this order (the first to refuse
 * answers): {@code BodySizeFilter} (413 over the size limit), {@code Utf8BodyFilter} (415 for another charset, 400
 * for a body that is not well-formed UTF-8 or has a NUL byte), {@code MediaTypeFilter} (415 for a media range as
 * {@code Content-Type}, 406 for an {@code Accept} that cannot be parsed or refuses everything),
 * {@code QueryStringFilter} (400 for a malformed query, a parameter that breaks the text rule, an API parameter given
 * twice). Then, as the body and parameters are bound: strict JSON (scalars, unique properties) and strict integer
 * parameters; and the servlet container's own limits.
 */
@NullMarked
package com.example.inventory.web.input;

import org.jspecify.annotations.NullMarked;
