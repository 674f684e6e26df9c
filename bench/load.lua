-- The wrk script of bench/run (driven by WrkClient.java in src/test/java/com/example/inventory/bench): a closed loop
-- of deductions (POST /api/v1/deductions), reads (GET /api/v1/products/{sku}) or checkouts (POST
-- /api/v1/reservations, then …/{id}/confirm or …/{id}/release, or nothing), one connection per wrk thread.
--
-- One connection per thread is what lets this script pair every answer with its request: it knows which products
-- a 201 took (the per-product tally the invariant check compares with the database) and times each request itself.
-- wrk's own latency histogram is not used: wrk 4 "corrects" it for coordinated omission with synthetic samples,
-- which a closed loop that waits for every answer does not want.
--
-- Each thread stops itself after an answer, never with a request in flight: at its deadline or, for a sale, after
-- its first 409 (sold out). It then prints "bench-thread-stopped" so that WrkClient can interrupt wrk's fixed-time
-- sleep (SIGINT); done() prints everything the threads saw as one JSON line that starts with "bench-result ", with
-- the CPU time the whole wrk process has used so far: the client's cost, which the report divides by the requests.
--
-- Arguments (after wrk's "--"), key=value:
--   mode=orders|reads|checkouts  deadline_ms=N (from wrk's start)
--   orders: order_prefix=S sku_prefix=S strategy=S sold_out_stops=0|1 first=N max_lines=N hot=N hot_share=X products=N
--           (see Workload.Orders: 1..max_lines distinct products out of the first `hot` with probability hot_share,
--           else out of all `products`, each index plus `first`)
--   reads:  sku=S
--   checkouts: as orders (but sold_out_stops), and confirm_share=X release_share=X short_ttl=N long_ttl=N: see
--           checkout.request below; the orders are the reservations' lines

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *time);
  unsigned long pthread_self(void);
]]
local CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID = 1, 2
local timespec = ffi.new("bench_timespec")

local function micros(clock)
  ffi.C.clock_gettime(clock, timespec)
  return tonumber(timespec.tv_sec) * 1000000 + math.floor(tonumber(timespec.tv_nsec) / 1000)
end

-- The main thread's state: the threads, to collect what they saw in done().
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

-- Each thread's state. Globals, not locals: done() reads them with thread:get.
statuses = {}      -- status -> answers
units = {}         -- product index -> units the 201s took
latency = {}       -- microseconds (3 significant digits) -> answers
attempts = 0       -- sum of "attempts" of the 201 bodies
lost = 0           -- requests sent that got no answer (their connection failed; wrk then opens a new one)
pending = false    -- a request is in flight
first_us = nil     -- when the first request was sent
last_us = nil      -- when the last answer came
last_created_us = nil
sold_out = false
stopped = false
-- checkouts mode only: per request kind, status -> answers and latency buckets, and how the checkouts ended;
-- `units` then counts the units of the confirmations answered 200
checkout_mode = false
reserve_statuses, reserve_latency = {}, {}
confirm_statuses, confirm_latency = {}, {}
release_statuses, release_latency = {}, {}
confirmed = 0      -- checkouts whose confirm answered 200
released = 0       -- checkouts whose release answered 200
expired = 0        -- checkouts left to expire whose reservation answered 201
abandoned = 0      -- holds of 201s left undecided: a decision answered neither 200 nor (in time) 503

local options = {}
local deadline, main_thread, started, in_flight, sent = 0, nil, 0, nil, 0
local headers = {}
local path
local checkout = {}

function init(args)
  for _, arg in ipairs(args) do
    local key, value = arg:match("^([%w_]+)=(.*)$")
    if key then options[key] = value end
  end
  -- wrk calls request() once from the main thread to check the script; that request is never sent.
  main_thread = ffi.C.pthread_self()
  deadline = micros(CLOCK_MONOTONIC) + tonumber(options.deadline_ms) * 1000
  math.randomseed(id * 7919 + micros(CLOCK_MONOTONIC) % 1000003)
  -- token=<access token>: sent with every request (bench/run and bench/profile get one by the client-credentials grant).
  if options.token then headers["Authorization"] = "Bearer " .. options.token end
  if options.mode == "orders" then
    path = "/api/v1/deductions?strategy=" .. options.strategy
    headers["Content-Type"] = "application/json"
  elseif options.mode == "checkouts" then
    -- Functions of their own, so that the other modes run exactly the code they ran before.
    path = "/api/v1/reservations?strategy=" .. options.strategy
    headers["Content-Type"] = "application/json"
    checkout_mode = true
    request, response = checkout.request, checkout.response
  else
    path = "/api/v1/products/" .. options.sku
  end
end

-- Workload.distinct: `count` distinct indexes out of [0, bound).
local function distinct(count, bound)
  if count > bound then count = bound end
  local picked = {}
  while #picked < count do
    local candidate = math.random(bound) - 1
    local seen = false
    for i = 1, #picked do
      if picked[i] == candidate then seen = true break end
    end
    if not seen then picked[#picked + 1] = candidate end
  end
  return picked
end

-- Workload.Orders.next: the product indexes of the next order's lines.
local function next_order()
  local count = math.random(tonumber(options.max_lines))
  local bound = math.random() < tonumber(options.hot_share) and tonumber(options.hot) or tonumber(options.products)
  local lines = distinct(count, bound)
  local first = tonumber(options.first)
  for i = 1, #lines do lines[i] = lines[i] + first end
  return lines
end

local function order_request(order_id, lines)
  local items = {}
  for i = 1, #lines do
    items[i] = '{"sku":"' .. options.sku_prefix .. "-" .. lines[i] .. '","quantity":1}'
  end
  return wrk.format("POST", path, headers,
      '{"orderId":"' .. order_id .. '","items":[' .. table.concat(items, ",") .. "]}")
end

function request()
  if ffi.C.pthread_self() == main_thread then
    return options.mode == "orders" and order_request("check", {0}) or wrk.format("GET", path, headers)
  end
  local now = micros(CLOCK_MONOTONIC)
  if pending then lost = lost + 1 end
  pending = true
  first_us = first_us or now
  started = now
  if options.mode ~= "orders" then
    return wrk.format("GET", path, headers)
  end
  sent = sent + 1
  in_flight = next_order()
  return order_request(options.order_prefix .. id .. "-" .. sent, in_flight)
end

local function stop()
  stopped = true
  io.stdout:write("bench-thread-stopped\n")
  io.stdout:flush()
  wrk.thread:stop()
end

-- Three significant digits, like the HdrHistogram the Java side rebuilds from these buckets.
local function bucket(us)
  local scale = 1
  while us >= 1000 do
    us = math.floor(us / 10)
    scale = scale * 10
  end
  return us * scale
end

function response(status, _, body)
  local now = micros(CLOCK_MONOTONIC)
  pending = false
  last_us = now
  local key = bucket(math.max(now - started, 1))
  latency[key] = (latency[key] or 0) + 1
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 and in_flight then
    for i = 1, #in_flight do
      units[in_flight[i]] = (units[in_flight[i]] or 0) + 1
    end
    attempts = attempts + (tonumber(body:match('"attempts":(%d+)')) or 0)
    last_created_us = now
  elseif status == 409 and options.sold_out_stops == "1" then
    sold_out = true
    return stop()
  end
  if now >= deadline then
    return stop()
  end
end

-- Checkouts: one checkout is a reservation of the next order's lines, then, as drawn before it is sent, a confirm
-- (confirm_share), a release (release_share) or nothing: the hold is left to expire, so it gets short_ttl seconds,
-- the others long_ttl (they are decided at once and must never expire during the run). A decision that answers 503
-- (contention) is sent again, as is one whose connection failed (a repeated confirm or release answers 200 and
-- changes nothing); a reservation that does not answer 201 ends its checkout. A checkout counts when its
-- reservation answered 201 and its decision 200, or, left to expire, when its reservation answered 201. The
-- thread stops at its deadline only between checkouts, so that no hold it took is left undecided.
local step        -- what the request in flight is: "reserve", "confirm" or "release"; nil between checkouts
local fate        -- the drawn decision of the checkout in flight: "confirm", "release" or "expire"
local hold_id     -- the id its reservation's 201 named
-- A decision still answering 503 this long after the deadline is given up: the hold stays, and the check says so.
local RETRY_AFTER_DEADLINE_US = 5000000

local function reserve_request(order_id, lines, ttl)
  local items = {}
  for i = 1, #lines do
    items[i] = '{"sku":"' .. options.sku_prefix .. "-" .. lines[i] .. '","quantity":1}'
  end
  return wrk.format("POST", path, headers,
      '{"orderId":"' .. order_id .. '","items":[' .. table.concat(items, ",") .. '],"ttlSeconds":' .. ttl .. "}")
end

function checkout.request()
  if ffi.C.pthread_self() == main_thread then
    return reserve_request("check", {0}, 1)
  end
  local now = micros(CLOCK_MONOTONIC)
  if pending then lost = lost + 1 end
  pending = true
  first_us = first_us or now
  started = now
  if step == "confirm" or step == "release" then
    -- the decision of a reservation answered 201, or its repeat after a 503 or a failed connection
    return wrk.format("POST", "/api/v1/reservations/" .. hold_id .. "/" .. step, headers, "")
  end
  -- a new checkout (also when a reservation's connection failed: its fate is unknown, and its order id is not reused)
  sent = sent + 1
  in_flight = next_order()
  local draw = math.random()
  if draw < tonumber(options.confirm_share) then
    fate = "confirm"
  elseif draw < tonumber(options.confirm_share) + tonumber(options.release_share) then
    fate = "release"
  else
    fate = "expire"
  end
  step = "reserve"
  return reserve_request(options.order_prefix .. id .. "-" .. sent, in_flight,
      fate == "expire" and options.short_ttl or options.long_ttl)
end

function checkout.response(status, _, body)
  local now = micros(CLOCK_MONOTONIC)
  pending = false
  last_us = now
  local key = bucket(math.max(now - started, 1))
  latency[key] = (latency[key] or 0) + 1
  statuses[status] = (statuses[status] or 0) + 1
  local kind_statuses, kind_latency
  if step == "reserve" then
    kind_statuses, kind_latency = reserve_statuses, reserve_latency
  elseif step == "confirm" then
    kind_statuses, kind_latency = confirm_statuses, confirm_latency
  else
    kind_statuses, kind_latency = release_statuses, release_latency
  end
  kind_latency[key] = (kind_latency[key] or 0) + 1
  kind_statuses[status] = (kind_statuses[status] or 0) + 1
  local over = true
  if step == "reserve" then
    if status == 201 then
      last_created_us = now
      if fate == "expire" then
        expired = expired + 1
      else
        hold_id = body:match('"id":"([^"]+)"')
        if hold_id then
          step = fate
          over = false
        else
          abandoned = abandoned + 1
        end
      end
    end
  elseif status == 200 then
    if step == "confirm" then
      confirmed = confirmed + 1
      for i = 1, #in_flight do
        units[in_flight[i]] = (units[in_flight[i]] or 0) + 1
      end
    else
      released = released + 1
    end
  elseif status == 503 and now < deadline + RETRY_AFTER_DEADLINE_US then
    over = false
  else
    abandoned = abandoned + 1
  end
  if over then
    step = nil
    if now >= deadline then
      return stop()
    end
  end
end

-- Whole numbers in full: io.write would print large ones (monotonic microseconds) with an exponent.
local function int(number)
  return string.format("%d", number)
end

local function pairs_json(map)
  local parts = {}
  for key, value in pairs(map) do
    parts[#parts + 1] = "[" .. int(key) .. "," .. int(value) .. "]"
  end
  return "[" .. table.concat(parts, ",") .. "]"
end

local function add_all(into, from)
  for key, value in pairs(from) do
    into[key] = (into[key] or 0) + value
  end
end

-- {"statuses":[…],"latency":[…]} of one request kind over all threads.
local function kind_json(threads, name)
  local all_statuses, all_latency = {}, {}
  for _, thread in ipairs(threads) do
    add_all(all_statuses, thread:get(name .. "_statuses"))
    add_all(all_latency, thread:get(name .. "_latency"))
  end
  return '"' .. name .. '":{"statuses":' .. pairs_json(all_statuses) .. ',"latency":' .. pairs_json(all_latency) .. "}"
end

-- The checkouts part of the result line, or nothing in the other modes.
local function checkouts_json()
  if #threads == 0 or not threads[1]:get("checkout_mode") then
    return ""
  end
  local counts = {confirmed = 0, released = 0, expired = 0, abandoned = 0}
  for _, thread in ipairs(threads) do
    for name, count in pairs(counts) do
      counts[name] = count + thread:get(name)
    end
  end
  return ',"kinds":{' .. kind_json(threads, "reserve") .. "," .. kind_json(threads, "confirm") .. ","
      .. kind_json(threads, "release") .. '},"checkouts":{"confirmed":' .. int(counts.confirmed)
      .. ',"released":' .. int(counts.released) .. ',"expired":' .. int(counts.expired)
      .. ',"abandoned":' .. int(counts.abandoned) .. "}"
end

function done(summary, _, _)
  local cpu_us = micros(CLOCK_PROCESS_CPUTIME_ID)
  local all_statuses, all_units, all_latency = {}, {}, {}
  local all_attempts, all_lost, stopped_threads, any_sold_out = 0, 0, 0, false
  local first, last, last_created
  for _, thread in ipairs(threads) do
    add_all(all_statuses, thread:get("statuses"))
    add_all(all_units, thread:get("units"))
    add_all(all_latency, thread:get("latency"))
    all_attempts = all_attempts + thread:get("attempts")
    -- a request still in flight when wrk stopped the thread (its safety limit) never got its answer
    all_lost = all_lost + thread:get("lost") + (thread:get("pending") and 1 or 0)
    if thread:get("stopped") then stopped_threads = stopped_threads + 1 end
    any_sold_out = any_sold_out or thread:get("sold_out")
    local f, l, c = thread:get("first_us"), thread:get("last_us"), thread:get("last_created_us")
    if f and (not first or f < first) then first = f end
    if l and (not last or l > last) then last = l end
    if c and (not last_created or c > last_created) then last_created = c end
  end
  local errors = summary.errors
  io.write("bench-result {",
      '"statuses":', pairs_json(all_statuses),
      ',"units":', pairs_json(all_units),
      ',"latency":', pairs_json(all_latency),
      ',"attempts":', int(all_attempts),
      ',"lost":', int(all_lost),
      ',"firstMicros":', int(first or 0),
      ',"lastMicros":', int(last or 0),
      ',"lastCreatedMicros":', int(last_created or 0),
      ',"soldOut":', tostring(any_sold_out),
      ',"stoppedThreads":', int(stopped_threads),
      ',"threads":', int(#threads),
      ',"cpuMicros":', int(cpu_us),
      ',"errors":{"connect":', int(errors.connect), ',"read":', int(errors.read), ',"write":', int(errors.write),
      ',"timeout":', int(errors.timeout), ',"status":', int(errors.status), "}", checkouts_json(), "}\n")
end
