/** What every controller shares: problem details, paging, OpenAPI, strict JSON. */
@NullMarked
package com.example.inventory.web;

import org.jspecify.annotations.NullMarked;
