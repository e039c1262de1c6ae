-- wrk script for bench/api.sh: counts responses by status and prints "status: 200=N other=M".
-- wrk's own "Non-2xx or 3xx responses" line only counts statuses >= 400, so a redirect to a login
-- page would pass for a success; here anything but 200 counts as a failure.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  other = 0
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_other = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_other = total_other + thread:get("other")
  end
  io.write(string.format("status: 200=%d other=%d\n", total_ok, total_other))
end
