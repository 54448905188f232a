-- wrk script: the monthly histogram by kind from a random day of 2000 to a random day of 2026
-- (nearly every event each time; 133,000 distinct URLs), so that the server's response cache
-- rarely answers.
--   wrk ... -s histogram-spans.lua URL -- SEED
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local from = os.time { year = 2000, month = 1, day = 1, hour = 12 }
local to = os.time { year = 2026, month = 12, day = 31, hour = 12 }
function init(args)
  math.randomseed(tonumber(args[1] or "1") * 1000 + (id or 0))
end

function request()
  local a = os.date("!%Y-%m-%d", from + math.random(0, 364) * 86400)
  local b = os.date("!%Y-%m-%d", to - math.random(0, 364) * 86400)
  return wrk.format("GET", "/api/v1/histogram?interval=month&group_by=kind&from=" .. a .. "&to=" .. b)
end
