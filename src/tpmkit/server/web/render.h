// Mustache templates of the web app (web/templates/NAME.mustache, embedded at build
// time), rendered with escaping on: {{name}} writes text HTML-escaped (& < > " '), so a
// risk titled "<script>" shows as text. {{{name}}} writes raw HTML and is used only for
// keys ending in "_html", whose values the server builds itself (a page's rendered main
// part, SVG charts from report/svg, the status report's body), never for user text.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/error.h"

namespace tpmkit::server::web {

// Renders template `name` with `view`, a JSON object whose strings, numbers, booleans,
// lists and objects are the template's values. An empty string counts as false in a
// section ({{#slip}}...{{/slip}} shows nothing for ""), as in JavaScript Mustache; null
// too. The templates named "_NAME" are partials ({{> _field}}). Errors: kInternal for an
// unknown template or one that does not parse (a bug, caught by render_test.cc).
Result<std::string> RenderTemplate(std::string_view name, const nlohmann::json& view);

// The names of every embedded template, sorted.
std::vector<std::string> TemplateNames();
// The text of template `name`; "" when there is none.
std::string_view TemplateText(std::string_view name);

}  // namespace tpmkit::server::web
