#!/usr/bin/env bash
# A walk through the API, step by step, against a running service:
#
#   bash docs/walkthrough.sh                                  # the service on http://localhost:8080
#   BASE_URL=http://127.0.0.1:9090 bash docs/walkthrough.sh   # elsewhere
#
# Every call carries an access token (Authorization: Bearer ...), got first by the client-credentials grant from
# TOKEN_URL (default $BASE_URL/oauth2/token: the local run's own authorization server; postman/run passes the one it
# started beside the jar): the order front end's for orders and reads, the back office's for creating and restocking.
#
# Each step prints the curl command it sends and the answer it got, and checks that answer: the status, and the
# figures it says (stock, reserved, available, ...). The first answer that differs stops the run with a message
# naming what was expected, so this page cannot drift from the service: CI runs it against the packaged jar.
# Every run makes its own products and order ids (a suffix per run), so it can run again on the same database.
#
# Needs bash, curl and jq (Debian/Ubuntu: sudo apt-get install jq; macOS: brew install jq).
# Pasted into an interactive bash instead, it carries on after a failed check, printing FAILED.

[[ $- == *i* ]] || set -euo pipefail
BASE_URL="${BASE_URL:-http://localhost:8080}"
TOKEN_URL="${TOKEN_URL:-$BASE_URL/oauth2/token}"
API="$BASE_URL/api/v1"

# --- the helpers: token, as, call, expect, expect_header, field, step (read once, then skip to step 0) -------------

# token VARIABLE CLIENT SECRET SCOPE: gets CLIENT an access token by the client-credentials grant, prints the command.
token() {
  printf "\n\$ %s=\$(curl -s -u %s:%s -d grant_type=client_credentials -d scope='%s' %s | jq -r .access_token)\n" \
    "$1" "$2" "$3" "$4" "$TOKEN_URL"
  printf -v "$1" '%s' "$(curl -sS -u "$2:$3" -d grant_type=client_credentials -d "scope=$4" "$TOKEN_URL" \
    | jq -r .access_token)"
  [ "${!1}" != null ] && [ -n "${!1}" ] || fail "no token for $2 from $TOKEN_URL"
}

# as VARIABLE: the calls that follow send the token held in that variable (TOKEN or ADMIN_TOKEN); "as NO_TOKEN":
# none at all.
bearer=TOKEN
NO_TOKEN=
as() { bearer="$1"; }

# call METHOD PATH [JSON]: sends the request and prints it as the curl command you would type, then the answer's
# status (with its Location or Idempotent-Replayed header) and body; sets $status, $headers and $body.
call() {
  local method="$1" url="$API$2" data="${3:-}" response auth="Authorization: Bearer ${!bearer}"
  if [ -z "${!bearer}" ]; then
    [ "$method" = GET ] && printf "\n\$ curl '%s'\n" "$url" || printf "\n\$ curl -X %s '%s'\n" "$method" "$url"
    response="$(curl -sS -i -X "$method" "$url")"
  elif [ -n "$data" ]; then
    printf "\n\$ curl -X %s '%s' -H \"Authorization: Bearer \$%s\" -H 'Content-Type: application/json' -d '%s'\n" \
      "$method" "$url" "$bearer" "$data"
    response="$(curl -sS -i -X "$method" "$url" -H "$auth" -H 'Content-Type: application/json' -d "$data")"
  else
    [ "$method" = GET ] && printf "\n\$ curl '%s' -H \"Authorization: Bearer \$%s\"\n" "$url" "$bearer" \
      || printf "\n\$ curl -X %s '%s' -H \"Authorization: Bearer \$%s\"\n" "$method" "$url" "$bearer"
    response="$(curl -sS -i -X "$method" "$url" -H "$auth")"
  fi
  headers="$(sed '/^\r*$/q' <<<"$response" | tr -d '\r')"
  body="$(sed '1,/^\r*$/d' <<<"$response")"
  status="$(head -n 1 <<<"$headers" | cut -d' ' -f2)"
  echo "$status" $(grep -iE '^(location|idempotent-replayed):' <<<"$headers")
  echo "$body"
}

# expect STATUS [CONDITION...]: the answer has that status, and each jq condition holds for its body.
checks=0
expect() {
  local want="$1" condition; shift
  [ "$status" = "$want" ] || { fail "expected status $want, got $status"; return 1; }
  checks=$((checks + 1))
  for condition in "$@"; do
    [ "$(jq "$condition" <<<"$body")" = true ] || { fail "expected $condition"; return 1; }
    checks=$((checks + 1))
  done
}

# expect_header NAME VALUE: the answer carries that header with that value.
expect_header() {
  local got; got="$(grep -i "^$1:" <<<"$headers" | cut -d' ' -f2-)"
  [ "$got" = "$2" ] || { fail "expected the header $1: $2, got '$got'"; return 1; }
  checks=$((checks + 1))
}

# field PATH: one value of the answer's body, e.g. an id that a later step needs.
field() { jq -r "$1" <<<"$body"; }

step() { current_step="$*"; printf '\n### %s\n' "$*"; }

failures=0
fail() {
  echo "walkthrough: FAILED at '$current_step': $*" >&2
  failures=$((failures + 1))
  [[ $- == *i* ]] || exit 1
}

current_step="the start"
command -v jq >/dev/null || fail "needs jq (sudo apt-get install jq, or brew install jq)"
curl -fsS -o /dev/null "$BASE_URL/actuator/health/readiness" \
  || fail "no service ready at $BASE_URL (start one: ./mvnw spring-boot:test-run)"

# Names of this run's products and orders: PHONE-1-<run>, CASE-7-<run>, ORD-1001-<run>, ... Letters, digits and
# '-' only, so the JSON bodies below can splice them in unquoted: '{"sku":"'$PHONE'"}'.
run="$(date +%s)-$RANDOM"
PHONE="PHONE-1-$run" CASE="CASE-7-$run" ORDER="ORD-1001-$run"
echo "walkthrough against $API, run $run"

# --- 0. Tokens -----------------------------------------------------------------------------------------------------
step "0. Tokens"

# Every call needs a token: the order front end's (inventory.read, inventory.order) places and reads orders; the back
# office's (inventory.read, inventory.admin) creates products and restocks. These secrets are the local run's only.
token TOKEN order-frontend order-frontend-local-secret 'inventory.read inventory.order'
token ADMIN_TOKEN back-office back-office-local-secret 'inventory.read inventory.admin'

# Without a token: 401, with the RFC 6750 challenge. With a token that lacks the scope: 403, naming the scope.
as NO_TOKEN
call GET /products
expect 401 '.type == "https://inventory.example/problems/unauthorized"'
as TOKEN
call POST /products '{"sku":"'$PHONE'","name":"Phone","stock":10}'
expect 403 '.type == "https://inventory.example/problems/forbidden" and .requiredScope == "inventory.admin"'
# Picking the locking strategy is an operator's knob too.
call POST "/deductions?strategy=atomic" '{"orderId":"'$ORDER'","items":[{"sku":"'$PHONE'","quantity":1}]}'
expect 403 '.requiredScope == "inventory.admin"'

# --- 1. Products ---------------------------------------------------------------------------------------------------
step "1. Products"

# Create the two products the order below takes stock from (the back office). Each gets an INITIAL ledger entry.
as ADMIN_TOKEN
call POST /products '{"sku":"'$PHONE'","name":"Phone","stock":10}'
expect 201 '.stock == 10 and .reserved == 0 and .available == 10'
expect_header Location "/api/v1/products/$PHONE"
call POST /products '{"sku":"'$CASE'","name":"Phone case","stock":5}'
expect 201 '.stock == 5'

# Read one, and list them (any client with inventory.read) (pages sorted by SKU; size 1..100).
as TOKEN
call GET "/products/$PHONE"
expect 200 '.sku == "'$PHONE'" and .name == "Phone" and .available == 10'
call GET "/products?page=0&size=20"
expect 200 '.page.number == 0 and .page.size == 20 and .page.totalElements >= 2'

# Restock (the back office): +5 units, under a row lock, with a RESTOCK ledger entry.
as ADMIN_TOKEN
call POST "/products/$PHONE/restock" '{"quantity":5}'
expect 200 '.stock == 15 and .available == 15'
as TOKEN

# --- 2. Deductions -------------------------------------------------------------------------------------------------
step "2. Deductions"

# An order of two lines, all or nothing (the order front end). orderId is the idempotency key.
order_body='{"orderId":"'$ORDER'","items":[{"sku":"'$PHONE'","quantity":2},{"sku":"'$CASE'","quantity":1}]}'
call POST /deductions "$order_body"
expect 201 '.status == "COMPLETED" and (.items | length) == 2 and .clientId == "order-frontend"'
deduction_id="$(field .id)"
expect_header Location "/api/v1/deductions/$deduction_id"
call GET "/products/$PHONE"
expect 200 '.stock == 13 and .available == 13'      # 15 - 2
call GET "/products/$CASE"
expect 200 '.stock == 4'                            # 5 - 1

# The same order again (a client retrying after a timeout): 200, the stored deduction, nothing deducted twice.
call POST /deductions "$order_body"
expect 200 '.id == "'$deduction_id'"'
expect_header Idempotent-Replayed true
call GET "/products/$PHONE"
expect 200 '.stock == 13'

# The same order id with other items is a conflict, not a replay.
call POST /deductions '{"orderId":"'$ORDER'","items":[{"sku":"'$PHONE'","quantity":3}]}'
expect 409 '.type == "https://inventory.example/problems/order-conflict"'

# Look the deduction up by its id, or by its order id (quote URLs with '?': zsh would refuse them bare).
call GET "/deductions/$deduction_id"
expect 200 '.orderId == "'$ORDER'"'
call GET "/deductions?orderId=$ORDER"
expect 200 '.id == "'$deduction_id'"'

# Cancel it: the stock comes back, once; cancelling again changes nothing and answers 200.
call POST "/deductions/$deduction_id/cancel"
expect 200 '.status == "CANCELLED"'
call POST "/deductions/$deduction_id/cancel"
expect 200 '.status == "CANCELLED"'
call GET "/products/$PHONE"
expect 200 '.stock == 15 and .available == 15'      # 13 + 2
call GET "/products/$CASE"
expect 200 '.stock == 5'                            # 4 + 1

# --- 3. Checkout holds (reservations) ------------------------------------------------------------------------------
step "3a. Checkout: reserve, then confirm (the buyer paid)"

# A hold takes units out of "available" at once; "stock" falls only when it is confirmed.
call POST /reservations '{"orderId":"CHK-1-'$run'","items":[{"sku":"'$PHONE'","quantity":1}],"ttlSeconds":600}'
expect 201 '.status == "ACTIVE" and .deductionId == null'
hold="$(field .id)"
call GET "/products/$PHONE"
expect 200 '.stock == 15 and .reserved == 1 and .available == 14'
call POST "/reservations/$hold/confirm"
expect 200 '.status == "CONFIRMED" and .deductionId != null'
confirmed_deduction="$(field .deductionId)"
call GET "/products/$PHONE"
expect 200 '.stock == 14 and .reserved == 0 and .available == 14'
# The confirmation made a COMPLETED deduction for the same order id (cancel it to give the unit back).
call GET "/deductions?orderId=CHK-1-$run"
expect 200 '.id == "'$confirmed_deduction'" and .status == "COMPLETED"'

step "3b. Checkout: reserve, then release (the buyer left the cart)"

# No ttlSeconds: the hold lasts the default 900 s, unless released before.
call POST /reservations '{"orderId":"CHK-2-'$run'","items":[{"sku":"'$PHONE'","quantity":2}]}'
expect 201 '.status == "ACTIVE"'
hold="$(field .id)"
call GET "/products/$PHONE"
expect 200 '.stock == 14 and .reserved == 2 and .available == 12'
call POST "/reservations/$hold/release"
expect 200 '.status == "RELEASED"'
call GET "/products/$PHONE"
expect 200 '.stock == 14 and .reserved == 0 and .available == 14'

step "3c. Checkout: reserve, extend, then let it expire (nobody came back)"

call POST /reservations '{"orderId":"CHK-3-'$run'","items":[{"sku":"'$PHONE'","quantity":1}],"ttlSeconds":3}'
expect 201 '.status == "ACTIVE"'
hold="$(field .id)"
# The buyer is still typing: extending makes the hold end 3 s from now, not from when it was made.
call POST "/reservations/$hold/extend" '{"ttlSeconds":3}'
expect 200 '.status == "ACTIVE"'
call GET "/products/$PHONE"
expect 200 '.reserved == 1 and .available == 13'
# A sweeper gives expired holds back about a second after expiresAt (the contract allows 5 s): wait for it.
echo "(waiting for the hold to expire)"
for _ in $(seq 1 15); do
  sleep 1
  [ "$(curl -sS "$API/reservations/$hold" -H "Authorization: Bearer $TOKEN" | jq -r .status)" = EXPIRED ] && break
done
call GET "/reservations?orderId=CHK-3-$run"
expect 200 '.status == "EXPIRED"'
call GET "/products/$PHONE"
expect 200 '.stock == 14 and .reserved == 0 and .available == 14'
call POST "/reservations/$hold/confirm"
expect 409 '.type == "https://inventory.example/problems/reservation-expired"'

# --- 4. Errors: RFC 9457 problem details, a stable "type" each -----------------------------------------------------
step "4. Errors"

# More than there is: 409, saying how many were asked for and how many are available.
call POST /deductions '{"orderId":"ORD-1002-'$run'","items":[{"sku":"'$PHONE'","quantity":500}]}'
expect 409 '.type == "https://inventory.example/problems/insufficient-stock"' \
  '.sku == "'$PHONE'" and .requested == 500 and .available == 14'

# A SKU nobody created: 404, naming it.
call POST /deductions '{"orderId":"ORD-1003-'$run'","items":[{"sku":"NOPE-'$run'","quantity":1}]}'
expect 404 '.type == "https://inventory.example/problems/product-not-found"' '.sku == "NOPE-'$run'"'
call GET "/products/NOPE-$run"
expect 404 '.type == "https://inventory.example/problems/product-not-found"'

# An invalid request: 400, with one entry per field at fault.
call POST /deductions '{"orderId":"ORD-1004-'$run'","items":[{"sku":"'$PHONE'","quantity":0}]}'
expect 400 '.type == "https://inventory.example/problems/validation"' '.errors[0].field == "items[0].quantity"'

# None of these changed anything.
call GET "/products/$PHONE"
expect 200 '.stock == 14 and .available == 14'

# --- 5. The ledger -------------------------------------------------------------------------------------------------
step "5. The ledger"

# Every stock change above left one movement per product line, newest first ...
call GET "/products/$PHONE/movements?page=0&size=50"
expect 200 '.content[0].stockAfter == 14' \
  '[.content[].kind] == ["RELEASE", "RESERVE", "RELEASE", "RESERVE", "CONFIRM", "RESERVE",
                         "CANCEL", "DEDUCT", "RESTOCK", "INITIAL"]'
# ... each names its actor: the back office created and restocked, the order front end ordered and decided, and the
# sweeper ("system") gave the expired hold back ...
expect 200 '[.content[].actor] == ["system", "order-frontend", "order-frontend", "order-frontend", "order-frontend",
                                   "order-frontend", "order-frontend", "order-frontend", "back-office", "back-office"]'
# ... and they add up to the stock: INITIAL + RESTOCK - DEDUCT + CANCEL - CONFIRM = 10 + 5 - 2 + 2 - 1 = 14
# (RESERVE and RELEASE move units in and out of "reserved"; the stock stays).
expect 200 '[.content[] | ({INITIAL: 1, RESTOCK: 1, CANCEL: 1, DEDUCT: -1, CONFIRM: -1}[.kind] // 0) * .quantity]
            | add == 14'

if [ "$failures" = 0 ]; then
  printf '\nwalkthrough: all %d checks passed against %s\n' "$checks" "$BASE_URL"
else
  printf '\nwalkthrough: %d checks FAILED (above), %d passed\n' "$failures" "$checks"
fi
