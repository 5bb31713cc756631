-- Reads as a team's dashboards make them: the risk register, the program's summary and
-- the latest trail entries, in turn, with an API token (wrk -H "Authorization: ...").
local paths = {
  "/api/v1/programs/phoenix/risks",
  "/api/v1/programs/phoenix",
  "/api/v1/programs/phoenix/log?limit=20",
}
local n = 0

function request()
  n = n + 1
  return wrk.format("GET", paths[n % #paths + 1])
end
