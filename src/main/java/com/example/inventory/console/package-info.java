/**
 * The stock console: a browser page served at {@code /console/} (static files under {@code static/console/}), its
 * settings ({@code /console/config.json}: the issuer and client it signs in with) and its response headers. It uses
 * no other module: the page speaks to the API like any other client, with a bearer token of its own.
 */
@NullMarked
package com.example.inventory.console;

import org.jspecify.annotations.NullMarked;
