-- wrk script for POST /api/errors. Environment:
--   BENCH_MODE   rotating (1,000 fingerprints) | unique (a new fingerprint every post) | hot (one fingerprint)
--                | batch (JSON arrays of BENCH_BATCH reports from the rotating set) | health (GET /health)
--   BENCH_KEY    the X-API-Key
--   BENCH_TAG    a word (letters only) that makes this run's sources unique
--   BENCH_BATCH  items per batch (default 50)
-- Prints one machine-readable line: RESULT requests=.. seconds=.. rps=.. p50_ms=.. p99_ms=.. ok=.. non_ok=.. sent=.. errors=..
-- "ok" counts 201 (and 200 for health); "sent" counts requests written. wrk stops without waiting for the
-- requests in flight, so a server that loses nothing stores between "ok" and "sent" occurrences.

local mode = os.getenv("BENCH_MODE") or "rotating"
local key = os.getenv("BENCH_KEY") or ""
local tag = os.getenv("BENCH_TAG") or "bench"
local batch_size = tonumber(os.getenv("BENCH_BATCH") or "50")

-- Letters only: digits are normalized away by the fingerprint, letters are not.
local function word(n)
  local s = ""
  repeat
    s = string.char(97 + n % 26) .. s
    n = math.floor(n / 26)
  until n == 0
  return s
end

local function report(i, level)
  local fn = word(i)
  local msg = "Timeout contacting " .. fn .. " backend after 3000ms (attempt 3 of 5, request 5f0c7a1e-8f0e-4b7a-9f2b-6d1f2c3b4a5e)"
  local stack = "java.net.SocketTimeoutException: Read timed out\\n"
    .. "\\tat java.base/java.net.SocketInputStream.socketRead0(Native Method)\\n"
    .. "\\tat com.acme.orders.client." .. fn .. "Client.fetch(" .. fn .. "Client.java:118)\\n"
    .. "\\tat com.acme.orders.service.OrderService.place(OrderService.java:42)\\n"
    .. "\\tat com.acme.orders.api.OrderResource.create(OrderResource.java:77)\\n"
    .. "\\tat jdk.internal.reflect.GeneratedMethodAccessor212.invoke(Unknown Source)\\n"
    .. "\\tat org.jboss.resteasy.core.MethodInjectorImpl.invoke(MethodInjectorImpl.java:170)"
  return '{"level":"' .. level .. '","message":"' .. msg .. '","stack_trace":"' .. stack .. '",'
    .. '"context":{"user_id":"12345","session_id":"abc-def-ghi","request_id":"req-789","region":"eu-west-1",'
    .. '"build":"2025.01.20","feature_flags":["checkout-v2","fast-path"]},'
    .. '"source":"' .. tag .. '","environment":"production","url":"https://api.example.com/orders/' .. fn .. '"}'
end

local bodies = {}
local counter = 0
local thread_id = 0
ok = 0
non_ok = 0
sent = 0

function init(args)
  if mode == "rotating" then
    for i = 0, 999 do bodies[i + 1] = report(i, "error") end
  elseif mode == "batch" then
    for b = 0, 19 do
      local items = {}
      for j = 0, batch_size - 1 do items[#items + 1] = report((b * batch_size + j) % 1000, "error") end
      bodies[b + 1] = "[" .. table.concat(items, ",") .. "]"
    end
  elseif mode == "hot" then
    bodies[1] = report(424242, "error")
  end
  wrk.headers["X-API-Key"] = key
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  sent = sent + 1
  if mode == "health" then
    return wrk.format("GET", "/health")
  elseif mode == "unique" then
    return wrk.format("POST", "/api/errors", nil, report(id * 100000000 + counter + 1000, "error"))
  else
    return wrk.format("POST", "/api/errors", nil, bodies[(counter % #bodies) + 1])
  end
end

function response(status, headers, body)
  if status == 201 or (mode == "health" and status == 200) then
    ok = ok + 1
  else
    non_ok = non_ok + 1
  end
end

local threads = {}
function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function done(summary, latency, requests)
  local total_ok, total_non_ok, total_sent = 0, 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_non_ok = total_non_ok + t:get("non_ok")
    total_sent = total_sent + t:get("sent")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f ok=%d non_ok=%d sent=%d errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, total_ok, total_non_ok, total_sent,
    e.connect + e.read + e.write + e.timeout))
end
