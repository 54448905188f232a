-- wrk script: the feed page after a random cursor of a file (one URL-quoted cursor a line)
-- with a random limit of 41-60: many distinct pages at every depth, so that the server's
-- response cache rarely answers.
--   wrk ... -s cursors.lua URL -- SEED CURSOR_FILE '/api/v1/events?country=RUS&'
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local cursors, prefix = {}, "/api/v1/events?"
function init(args)
  math.randomseed(tonumber(args[1] or "1") * 1000 + (id or 0))
  for line in io.lines(args[2]) do
    if #line > 0 then cursors[#cursors + 1] = line end
  end
  prefix = args[3] or prefix
end

function request()
  local cursor = cursors[math.random(1, #cursors)]
  return wrk.format("GET", prefix .. "cursor=" .. cursor .. "&limit=" .. math.random(41, 60))
end
