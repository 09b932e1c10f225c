-- Replays prepared Kinesis PutRecords / PutRecord bodies (AWS JSON 1.1) and counts every failure.
--
-- Environment:
--   BENCH_BODIES  file with one JSON request body per line (made by bench/prep_bodies.py)
--   BENCH_TARGET  PutRecords or PutRecord
--
-- A request counts as failed when its status is not 200; a PutRecords answer with FailedRecordCount > 0 adds
-- that many failed records. done() prints one line "WRKJSON {...}" that bench/run.sh parses; latencies are in
-- microseconds, as wrk measures them (request written -> full response read, per connection).

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("tid", thread_count)
   table.insert(threads, thread)
end

local requests = {}
local position = 0
non200 = 0
failed_records = 0
ok_responses = 0
bad_status_sample = ""

function init(args)
   local path = os.getenv("BENCH_BODIES") or error("BENCH_BODIES is not set")
   local target = os.getenv("BENCH_TARGET") or error("BENCH_TARGET is not set")
   local headers = {
      ["Content-Type"] = "application/x-amz-json-1.1",
      ["X-Amz-Target"] = "Kinesis_20131202." .. target,
      -- moto_server picks the service from the credential scope; Tributary ignores it. No signature is checked.
      ["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/kinesis/aws4_request, "
         .. "SignedHeaders=content-type;host;x-amz-target, Signature=0",
   }
   local file = assert(io.open(path, "r"))
   for line in file:lines() do
      if #line > 0 then
         -- wrk.format fills Host and Content-Length; prebuilt so request() does no work.
         table.insert(requests, wrk.format("POST", "/", headers, line))
      end
   end
   file:close()
   if #requests == 0 then error("no request bodies in " .. path) end
   -- Threads start at different bodies so they do not send the same keys in lockstep.
   position = ((tid or 1) - 1) * math.floor(#requests / 2)
end

function request()
   position = position % #requests + 1
   return requests[position]
end

function response(status, headers, body)
   if status ~= 200 then
      non200 = non200 + 1
      if bad_status_sample == "" then
         bad_status_sample = tostring(status) .. " " .. string.sub(body or "", 1, 200)
      end
      return
   end
   ok_responses = ok_responses + 1
   if body then
      local failed = string.match(body, '"FailedRecordCount"%s*:%s*(%d+)')
      if failed then failed_records = failed_records + tonumber(failed) end
   end
end

local function json_string(s)
   s = string.gsub(s, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end)
   return '"' .. s .. '"'
end

function done(summary, latency, requests_stats)
   local total_non200, total_failed, total_ok, sample = 0, 0, 0, ""
   for _, thread in ipairs(threads) do
      total_non200 = total_non200 + thread:get("non200")
      total_failed = total_failed + thread:get("failed_records")
      total_ok = total_ok + thread:get("ok_responses")
      local s = thread:get("bad_status_sample")
      if sample == "" and s and s ~= "" then sample = s end
   end
   local e = summary.errors
   io.write(string.format(
      'WRKJSON {"requests":%d,"ok_responses":%d,"non200":%d,"failed_records":%d,"duration_us":%d,'
      .. '"bytes_read":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,'
      .. '"status_errors":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"bad_status_sample":%s}\n',
      summary.requests, total_ok, total_non200, total_failed, summary.duration,
      summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, json_string(sample)))
end
