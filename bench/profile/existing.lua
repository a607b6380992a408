-- wrk script: PATCH /api/me for existing profiles spread over the whole population, each request
-- a durable write that also moves the profile to another home store (so the audience index
-- changes too). Tokens come from the file named by TOKENS, one per line.
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
  local body = string.format('{"contact":{"name":"Kundin %d","city":"Berlin"},"homeStoreId":"filiale-%02d"}',
    counter, counter % 50)
  return wrk.format("PATCH", "/api/me", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d non2xx=%d socket_errors=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
