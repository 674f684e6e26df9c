// Sign-in: the OAuth2 authorization-code flow with PKCE (RFC 7636, S256), done in the browser by a public client.
// The issuer and the client id come from the service (config.json); the issuer's endpoints from its metadata
// (RFC 8414, or OpenID Connect discovery). The access token is kept in sessionStorage: this tab only, gone when the
// tab is closed, never in a cookie.

const PENDING = 'stock-console.pending';
const TOKEN = 'stock-console.token';

/** The console's settings: {issuer, clientId, scope, audience}. */
export async function loadConfig() {
  const response = await fetch('config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`The console's settings could not be read (config.json: ${response.status})`);
  }
  return response.json();
}

/** The issuer's metadata: RFC 8414 first (path inserted, then appended), then OpenID Connect discovery. */
export async function discover(issuer) {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/$/, '');
  const candidates = [...new Set([
    `${url.origin}/.well-known/oauth-authorization-server${path}`,
    `${issuer}/.well-known/openid-configuration`,
    `${issuer}/.well-known/oauth-authorization-server`,
  ])];
  for (const candidate of candidates) {
    try {
      const response = await fetch(candidate, { headers: { Accept: 'application/json' } });
      if (!response.ok) continue;
      const metadata = await response.json();
      if (sameIssuer(metadata.issuer, issuer) && metadata.authorization_endpoint && metadata.token_endpoint) {
        return metadata;
      }
    } catch {
      // Not served there (or not to this origin): try the next address.
    }
  }
  throw new Error(`The issuer ${issuer} publishes no metadata this page can read (tried ${candidates.join(', ')}); `
    + 'it must answer this origin (CORS) at one of them.');
}

/** Where the issuer sends the browser back: the console's own address, /console/ (registered at the issuer). */
export function redirectUri() {
  return new URL('./', window.location.href).href;
}

/** Starts a sign-in: remembers the verifier and state in this tab, then leaves for the issuer's login. */
export async function signIn(config, returnTo) {
  if (!window.crypto?.subtle) {
    throw new Error('Signing in needs a secure page (HTTPS, or http://localhost / 127.0.0.1): '
      + 'the browser offers no SHA-256 for PKCE here.');
  }
  const metadata = await discover(config.issuer);
  const verifier = randomUrlSafe(32);
  const state = randomUrlSafe(16);
  const challenge = base64Url(new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({
    state, verifier, returnTo, issuer: config.issuer, clientId: config.clientId,
    redirectUri: redirectUri(), tokenEndpoint: metadata.token_endpoint,
  }));
  const authorize = new URL(metadata.authorization_endpoint);
  const parameters = {
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  };
  if (config.audience) parameters.audience = config.audience;
  for (const [name, value] of Object.entries(parameters)) authorize.searchParams.set(name, value);
  window.location.assign(authorize.href);
}

/**
 * Ends a sign-in when the issuer has sent the browser back (?code=… or ?error=…): checks the state, buys the token
 * with the code and its verifier, and takes the code out of the address bar. Null when this is no such return.
 */
export async function completeSignIn() {
  const answer = new URLSearchParams(window.location.search);
  if (!answer.has('code') && !answer.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', window.location.pathname + (pending?.returnTo ?? ''));
  if (answer.has('error')) {
    throw new Error(`The issuer refused the sign-in: ${answer.get('error')}`
      + (answer.get('error_description') ? ` (${answer.get('error_description')})` : ''));
  }
  if (!pending || answer.get('state') !== pending.state) {
    throw new Error('This sign-in answer belongs to no sign-in started in this tab (its state does not match): '
      + 'sign in again.');
  }
  let response;
  try {
    response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: answer.get('code'), redirect_uri: pending.redirectUri,
        client_id: pending.clientId, code_verifier: pending.verifier,
      }),
    });
  } catch {
    throw new Error(`The token endpoint ${pending.tokenEndpoint} did not answer this page: it must allow this `
      + `origin (${window.location.origin}) to call it (CORS).`);
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error(`The issuer gave no token for the code (${response.status}`
      + `${body.error ? `: ${body.error}` : ''}${body.error_description ? `, ${body.error_description}` : ''}).`);
  }
  const token = {
    accessToken: body.access_token,
    expiresAt: Date.now() + 1000 * (Number(body.expires_in) || 300),
    scope: body.scope ?? '',
  };
  sessionStorage.setItem(TOKEN, JSON.stringify(token));
  return token;
}

/** The token of this tab, while it is valid (with 10 s to spare), else null. */
export function currentToken() {
  const token = JSON.parse(sessionStorage.getItem(TOKEN) ?? 'null');
  if (!token || token.expiresAt - 10_000 < Date.now()) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  return token;
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN);
}

/** What the token says of itself (read, not verified: the service verifies it), for the page to show. */
export function claimsOf(token) {
  try {
    const payload = token.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

/** The token's scopes: its scope claim (a string or a list), else scp, else what the token endpoint said. */
export function scopesOf(token) {
  const claims = claimsOf(token);
  const scopes = claims.scope ?? claims.scp ?? token.scope ?? '';
  return (Array.isArray(scopes) ? scopes : String(scopes).split(' ')).filter(Boolean).sort();
}

function sameIssuer(one, other) {
  return typeof one === 'string' && one.replace(/\/$/, '') === other.replace(/\/$/, '');
}

function randomUrlSafe(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
