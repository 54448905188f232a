-- wrk script: the RUS+CHN feed's first page from a random day of 2000-2024 with a random
-- limit of 41-60 (180,000 distinct URLs), so that the server's response cache rarely answers.
--   wrk ... -s from-days.lua URL -- SEED
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local base = os.time { year = 2000, month = 1, day = 1, hour = 12 }
function init(args)
  math.randomseed(tonumber(args[1] or "1") * 1000 + (id or 0))
end

function request()
  local day = os.date("!%Y-%m-%d", base + math.random(0, 8999) * 86400)
  local limit = math.random(41, 60)
  return wrk.format("GET", "/api/v1/events?country=RUS&country=CHN&from=" .. day .. "&limit=" .. limit)
end
