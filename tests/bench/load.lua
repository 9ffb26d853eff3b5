-- wrk script of the load test (measure.py): every connection takes the paths given after `--`
-- in turn, each thread starting elsewhere in the list, so that the mix is even. Every request
-- carries the session cookie and the proxy's https header given with -H. An answer other than
-- 200 (a redirect to the login or the code page, an error) is counted as an error, as are
-- wrk's own (connect, read, write, timeout). Reports one JSON line, as report.lua does.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = args
  turn = id % #paths
  not_ok = 0
end

function request()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("not_ok")
  end
  io.write(string.format(
    '{"requests": %d, "rps": %.2f, "p50_ms": %.2f, "p95_ms": %.2f, "errors": %d}\n',
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors))
end
