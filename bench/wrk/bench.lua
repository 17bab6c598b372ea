-- What the benchmark's wrk scripts share: their settings from the environment (set by
-- bench/src/twofabench/Wrk.java), the send request, the counting of answers, and done(), which prints the run's
-- figures as one JSON line ("BENCH-RESULT {...}") that Wrk.java reads with Jackson.
--
-- wrk runs each thread in a Lua state of its own; setup() and done() run in another one. The counters are
-- globals of each thread's state, so that done() can read them with thread:get().
local bench = {}

local threads = {}

-- setup(thread), in the main state: numbers the threads, keeps them for done()
function bench.setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

-- init(), in each thread's state: zeroes the counters, seeds this thread's random numbers
function bench.init()
  ok = 0                -- answers as expected (for OTP flows: validations answered VERIFIED)
  failed = 0            -- answers not as expected
  failures = {}         -- "what status" -> count, e.g. ["send 429"] = 3
  first_failure = nil   -- the first of them, with the start of its body
  math.randomseed(os.time() * 1000 + thread_number * 7919)
end

function bench.env(name)
  local value = os.getenv(name)
  if value == nil or value == "" then
    error("the environment variable " .. name .. " is not set")
  end
  return value
end

-- The API keys of the accounts the sends go round, one a line in the file BENCH_KEYS.
function bench.keys()
  local keys = {}
  for line in io.lines(bench.env("BENCH_KEYS")) do
    if line ~= "" then
      keys[#keys + 1] = line
    end
  end
  if #keys == 0 then
    error("no API key in " .. os.getenv("BENCH_KEYS"))
  end
  return keys
end

-- A function that answers the accounts' keys in turn, each thread starting at another account.
function bench.key_rotation(keys)
  local threads_total = tonumber(bench.env("BENCH_THREADS"))
  local position = math.floor((thread_number - 1) * #keys / threads_total)
  return function()
    position = position % #keys + 1
    return keys[position]
  end
end

function bench.new_code()
  return tostring(math.random(100000, 999999))
end

local headers_of_thread = nil

-- A request with a JSON body (or none) for the account of apiKey `key`.
function bench.request(method, path, key, body)
  if headers_of_thread == nil then
    headers_of_thread = { Host = wrk.headers["Host"], Accept = "application/json" }
  end
  local headers = headers_of_thread
  headers["apiKey"] = key
  headers["Content-Type"] = body and "application/json" or nil
  return wrk.format(method, path, headers, body)
end

-- POST /2fa/v4/otp: to a random +4917 number, the benchmark's profile and priority, en_US or de, code `code`.
function bench.send_request(key, code)
  local language = math.random(2) == 1 and "en_US" or "de"
  local body = string.format('{"to":"+4917%d","profileName":"%s","priorityName":"%s","languageCode":"%s",'
      .. '"otpCode":"%s","sender":"twofa-kit","senderViber":"12345"}',
      math.random(10000000, 99999999), bench.profile, bench.priority, language, code)
  return bench.request("POST", "/2fa/v4/otp", key, body)
end

bench.profile = os.getenv("BENCH_PROFILE") or "bench_profile"
bench.priority = os.getenv("BENCH_PRIORITY") or "bench_priority"

-- An answer that is not the expected one: counted by what was asked and the status.
function bench.fail(what, status, body)
  failed = failed + 1
  local kind = what .. " " .. status
  failures[kind] = (failures[kind] or 0) + 1
  if first_failure == nil then
    first_failure = kind .. ": " .. string.sub(body or "", 1, 300)
  end
end

local function json_string(text)
  if text == nil then
    return "null"
  end
  -- control characters escaped; bytes outside ASCII replaced, since a cut body may end inside a character
  local escaped = text:gsub('[%c"\\\128-\255]', function(c)
    if c == '"' or c == "\\" then
      return "\\" .. c
    elseif c:byte() >= 128 then
      return "?"
    end
    return string.format("\\u%04x", c:byte())
  end)
  return '"' .. escaped .. '"'
end

-- done(summary, latency), in the main state: one JSON line with the run's figures (times in microseconds).
function bench.done(summary, latency)
  local ok_total, failed_total, first, by_kind = 0, 0, nil, {}
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    failed_total = failed_total + thread:get("failed")
    first = first or thread:get("first_failure")
    for kind, count in pairs(thread:get("failures")) do
      by_kind[kind] = (by_kind[kind] or 0) + count
    end
  end
  local kinds = {}
  for kind, count in pairs(by_kind) do
    kinds[#kinds + 1] = json_string(kind) .. ":" .. string.format("%d", count)
  end
  local errors = summary.errors
  local fields = {
    string.format('"duration_us":%d', summary.duration),
    string.format('"requests":%d', summary.requests),
    string.format('"ok":%d', ok_total),
    string.format('"failed":%d', failed_total),
    '"failures":{' .. table.concat(kinds, ",") .. "}",
    '"first_failure":' .. json_string(first),
    string.format('"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}',
        errors.connect, errors.read, errors.write, errors.timeout),
    string.format('"latency_us":{"p50":%d,"p90":%d,"p99":%d,"p99_9":%d,"max":%d,"mean":%.1f}',
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
        latency.max, latency.mean),
    -- os.clock(): CPU time of the whole wrk process (all threads), user and system
    string.format('"client_cpu_s":%.3f', os.clock()),
    string.format('"threads":%d', #threads),
  }
  io.write("BENCH-RESULT {", table.concat(fields, ","), "}\n")
end

return bench
