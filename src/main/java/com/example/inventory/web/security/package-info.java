/**
 * Who may call: every request under {@code /api/v1/} carries a JWT bearer token from the configured issuer
 * ({@code SecurityConfiguration}: an OAuth2 resource server, stateless, deny by default), each endpoint names the
 * scope it needs ({@code RequiredScope}, checked by {@code ScopeCheck}), and a controller learns its
 * {@link com.example.inventory.common.Caller} as an argument. A 401 or 403 is a problem detail like every other
 * refusal.
 */
@NullMarked
package com.example.inventory.web.security;

import org.jspecify.annotations.NullMarked;
