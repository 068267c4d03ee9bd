-- wrk script: authorised case reads. GET /api/cases/{id} with a random id of IDS (one per line) as TOKEN.
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  return wrk.format("GET", "/api/cases/" .. ids[math.random(#ids)], headers)
end
