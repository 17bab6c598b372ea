-- OTP flows: send an OTP with a code of its own (as send.lua), then validate it with that code, expecting
-- VERIFIED. The thread keeps the OTPs sent and not validated yet; its next request validates one when there is
-- one, else sends. A flow counts when its validation answers VERIFIED; any other answer is a failure.
--
-- wrk's response() does not say which connection (so which request) it answers, and a validation needs the
-- account and the code of its send: bench/run runs this script with one connection per wrk thread, so that
-- each answer belongs to the thread's last request.
--
-- BENCH_WARM_UP=1: each verified OTP is then deleted and a template read (BENCH_PATH), so that warming up
-- exercises every path and leaves nothing stored.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
local bench = require("bench")

setup = bench.setup
done = bench.done

local warm_up = os.getenv("BENCH_WARM_UP") == "1"
local read_path = os.getenv("BENCH_PATH")
local next_key
local todo = {}   -- requests to make before the next send: validations of sent OTPs (and deletes, reads)
local asked       -- the request whose answer comes next

function init(args)
  bench.init()
  next_key = bench.key_rotation(bench.keys())
end

function request()
  asked = table.remove(todo, 1)
  if asked == nil then
    local key, code = next_key(), bench.new_code()
    asked = { what = "send", key = key, code = code, request = bench.send_request(key, code) }
  end
  return asked.request
end

local function then_ask(what, key, path, body, id)
  todo[#todo + 1] = { what = what, key = key, id = id, request = bench.request(what == "read" and "GET"
      or what == "delete" and "DELETE" or "POST", path, key, body) }
end

function response(status, headers, body)
  local what = asked.what
  if what == "send" then
    local id = status == 202 and body:match('"id"%s*:%s*"([%x%-]+)"')
    if id then
      then_ask("validate", asked.key, "/2fa/v4/otp/" .. id .. "/validate",
          '{"otpCode":"' .. asked.code .. '"}', id)
    else
      bench.fail("send", status, body)
    end
  elseif what == "validate" then
    if status == 200 and body:match('"otpStatus"%s*:%s*"(%u+)"') == "VERIFIED" then
      ok = ok + 1
      if warm_up then
        then_ask("delete", asked.key, "/2fa/v4/otp/" .. asked.id)
        then_ask("read", bench.env("BENCH_KEY"), read_path)
      end
    else
      bench.fail("validate", status, body)
    end
  elseif status ~= 200 then
    bench.fail(what, status, body)
  end
end
