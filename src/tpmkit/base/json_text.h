// JSON string text: the one escaper of the project, in the RFC 8785 (JCS) form that
// the audit trail hashes, so every JSON string tpmkit writes by hand reads the same.
#pragma once

#include <string>
#include <string_view>

namespace tpmkit {

// Appends `s` to `out` as a JSON string, quotes included: '"' and '\\' escaped, control
// characters in their short forms where JSON has them (\b \f \n \r \t), else as \u00xx
// in lowercase hex; every other byte (UTF-8 included) as is. This is RFC 8785's string
// serialization: the audit trail's hash chain depends on it byte for byte.
void AppendJsonString(std::string& out, std::string_view s);

// `s` as a JSON string (see AppendJsonString).
std::string JsonString(std::string_view s);

}  // namespace tpmkit
