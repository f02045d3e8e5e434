-- wrk script for the benchmark harness (docs/benchmarks.md, scenario submit-external): POSTs a trivial
-- experiment with dqualizer's four credential headers at a fixed overall rate (open loop as far as the
-- connections allow: each send is scheduled on an absolute timetable, not after the previous answer).
-- Arguments after "--": rate (submissions/s over all threads), threads (same as wrk's -t).
-- wrk times a request from when it is written, so done() also reports how late sends left against their
-- timetable: while "late" stays near zero, wrk's latency is the latency from the due time.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
]]
local ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
end

wrk.method = "POST"
wrk.body = '{"title": "bench", "description": "trivial", "method": []}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["dbUsername"] = os.getenv("BENCH_DB_USER") or "aDBUser"
wrk.headers["dbPassword"] = os.getenv("BENCH_DB_PASSWORD") or "aDBPw"
wrk.headers["username"] = os.getenv("BENCH_USER") or "demoUser"
wrk.headers["password"] = os.getenv("BENCH_PASSWORD") or "demo"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local interval_us, next_due
late, late_max_us, not_accepted = 0, 0, 0

function init(args)
  local rate = tonumber(args[1]) or 500
  local count = tonumber(args[2]) or 1
  interval_us = 1e6 * count / rate
end

function delay()
  local now = now_us()
  if next_due == nil then next_due = now end
  local due = next_due
  next_due = next_due + interval_us
  local wait = due - now
  if wait < -1000 then -- more than 1 ms behind its timetable: no connection was free in time
    late = late + 1
    if -wait > late_max_us then late_max_us = -wait end
    return 0
  end
  return math.max(0, wait / 1000)
end

function response(status, headers, body)
  if status ~= 202 then not_accepted = not_accepted + 1 end
end

function done(summary, latency, requests)
  local late_total, late_max, refused = 0, 0, 0
  for _, thread in ipairs(threads) do
    late_total = late_total + thread:get("late")
    late_max = math.max(late_max, thread:get("late_max_us"))
    refused = refused + thread:get("not_accepted")
  end
  local e = summary.errors
  io.write(string.format(
    "wrk-result requests=%d seconds=%.3f not_accepted=%d socket_errors=%d timeouts=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f late_sends=%d late_max_ms=%.1f\n",
    summary.requests, summary.duration / 1e6, refused, e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency:percentile(99.9) / 1e3, latency.max / 1e3, late_total, late_max / 1e3))
end
