-- wrk script: PATCH /api/me from many shoppers, each request a durable write.
-- Tokens come from the file named by the TOKENS environment variable, one per line.
local tokens = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("TOKENS")) do
    tokens[#tokens + 1] = line
  end
  counter = math.random(1, #tokens)
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local body = '{"contact":{"name":"Shopper ' .. counter .. '","city":"Berlin"},"locale":"de"}'
  return wrk.format("PATCH", "/api/me", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("BENCH requests=%d non2xx=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, non2xx, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
