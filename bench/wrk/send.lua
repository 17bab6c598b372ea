-- Send only: POST /2fa/v4/otp going round the accounts (BENCH_KEYS), each to a random +4917 number with a code
-- of its own, en_US or de. The same script measures the mocks (Prism, WireMock). Expected: 202.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
local bench = require("bench")

setup = bench.setup
done = bench.done

local next_key

function init(args)
  bench.init()
  next_key = bench.key_rotation(bench.keys())
end

function request()
  return bench.send_request(next_key(), bench.new_code())
end

function response(status, headers, body)
  if status == 202 then
    ok = ok + 1
  else
    bench.fail("send", status, body)
  end
end
