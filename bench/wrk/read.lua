-- The ceiling: an authenticated read of one template (GET BENCH_PATH with the apiKey BENCH_KEY), the cheapest
-- request that passes the server's authentication. The request is built once; each answer is checked (200).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
local bench = require("bench")

wrk.method = "GET"
wrk.path = bench.env("BENCH_PATH")
wrk.headers["apiKey"] = bench.env("BENCH_KEY")
wrk.headers["Accept"] = "application/json"

setup = bench.setup
init = bench.init
done = bench.done

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    bench.fail("read", status, body)
  end
end
