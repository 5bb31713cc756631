-- Writes: every request adds a new risk (POST .../risks, audit-trailed), with an id of
-- its own per thread and request, so none is refused as a duplicate.
local n = 0
local headers = nil

function request()
  -- wrk.format uses the given headers instead of the command line's (the token), so
  -- they go together.
  if headers == nil then
    headers = {["Content-Type"] = "application/json"}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
  end
  n = n + 1
  local id = string.format("B-%d-%d", thread_id, n)
  local body = string.format(
    '{"id": "%s", "title": "Load test risk %s", "category": "vendor", ' ..
    '"probability": 0.2, "severity": 2}', id, id)
  return wrk.format("POST", "/api/v1/programs/phoenix/risks", headers, body)
end
