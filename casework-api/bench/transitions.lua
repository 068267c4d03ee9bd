-- wrk script: workflow transitions. Every case of IDS walks confirm, send_notice, remove, counter_notice, escalate
-- (US profile), step by step across all cases, so a case's next step is sent thousands of requests after the
-- previous one (run with -t1: one Lua state keeps the order). RH_TOKEN = rights holder, PL_TOKEN = platform.
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local rh = { ["Authorization"] = "Bearer " .. os.getenv("RH_TOKEN"), ["Content-Type"] = "application/json" }
local pl = { ["Authorization"] = "Bearer " .. os.getenv("PL_TOKEN"), ["Content-Type"] = "application/json" }
local notice = '{"signature":"/Bench/","explanation":"benchmark notice","notifierName":"Bench",' ..
  '"notifierEmail":"bench@example.org","goodFaith":true,"accuracyUnderPenaltyOfPerjury":true}'
local counter = '{"signature":"/S/","declarantName":"S","declarantAddress":"1 Main St",' ..
  '"declarantPhone":"+1 555 0100","goodFaithMistake":true,"consentToJurisdiction":true}'
local steps = {
  { rh, '{"action":"confirm","reason":"bench"}' },
  { rh, '{"action":"send_notice","reason":"bench","details":' .. notice .. '}' },
  { pl, '{"action":"remove","reason":"bench"}' },
  { pl, '{"action":"counter_notice","reason":"bench","details":' .. counter .. '}' },
  { rh, '{"action":"escalate","reason":"bench"}' },
}
local i = 0
local first = true
request = function()
  -- wrk consumes the first request() result when it checks the script; give it a harmless read, not a step
  if first then
    first = false
    return wrk.format("GET", "/api/me", rh)
  end
  local n = #ids
  local s = math.floor(i / n) % #steps + 1
  local c = i % n + 1
  i = i + 1
  return wrk.format("POST", "/api/cases/" .. ids[c] .. "/transitions", steps[s][1], steps[s][2])
end

-- report refusals (status and body) on stderr, at most 20
local reported = 0
response = function(status, headers, body)
  if status >= 300 and reported < 20 then
    reported = reported + 1
    io.stderr:write("non-2xx: " .. status .. " " .. body .. "\n")
  end
end
