-- wrk script for the HTTP ingest API benchmark: every request POSTs one distinct report (about 1 KB)
-- to /v1/reports and counts the answers that are not 202.
--   LODESTONE_API_TOKEN=$(cat .lodestone/api.token) \
--     wrk -t2 -c64 -d30s -s producers/bench/post-report.lua http://127.0.0.1:8080/v1/reports
local threads = {}
local text = string.rep("Cobalt hydroxide shipments from Kolwezi resumed after the export ban was lifted. ", 12)

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  non202 = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("LODESTONE_API_TOKEN") or "")
end

function request()
  counter = counter + 1
  local body = string.format('{"url":"https://bench.example/api/%d/%d","title":"Cobalt report %d","body":"%s","source":"Bench"}',
    id, counter, counter, text)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 202 then
    non202 = non202 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non202")
  end
  io.write(string.format("answers other than 202: %d of %d\n", bad, summary.requests))
end
