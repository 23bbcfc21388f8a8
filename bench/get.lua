-- GET of one path with optional headers from the environment (BENCH_HEADER_NAME / BENCH_HEADER_VALUE); prints one
-- RESULT line (requests/s, p50, p99 and how many answers were not 2xx) for bench/auth-cost.sh.
local name = os.getenv("BENCH_HEADER_NAME")
local value = os.getenv("BENCH_HEADER_VALUE")
wrk.method = "GET"
wrk.path = os.getenv("BENCH_PATH") or "/health"
if name and name ~= "" then
  wrk.headers[name] = value
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, non_ok = 0, 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else non_ok = non_ok + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_non_ok = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_non_ok = total_non_ok + t:get("non_ok")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f ok=%d non_ok=%d errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    total_ok, total_non_ok, e.connect + e.read + e.write + e.timeout))
end
