#include "tpmkit/server/web/render.h"

#include <kainjow/mustache.hpp>

namespace tpmkit::server::web {

namespace {

namespace mustache = kainjow::mustache;

struct EmbeddedTemplate {
  const char* name;
  std::string_view text;
};

// Raw string literals with the text of each template; see cmake/TpmkitWeb.cmake.
constexpr EmbeddedTemplate kTemplates[] = {
#include "tpmkit_web_templates.inc"
};

mustache::data ToData(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& [key, value] : v.items()) d.set(key, ToData(value));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mustache::data d{mustache::data::type::list};
      for (const auto& item : v) d.push_back(ToData(item));
      return d;
    }
    case nlohmann::json::value_t::string: {
      const auto& s = v.get_ref<const std::string&>();
      if (s.empty()) return mustache::data{false};
      return mustache::data{s};
    }
    case nlohmann::json::value_t::boolean:
      return mustache::data{v.get<bool>()};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return mustache::data{v.dump()};
    default:
      return mustache::data{false};
  }
}

}  // namespace

std::string_view TemplateText(std::string_view name) {
  for (const auto& t : kTemplates) {
    if (name == t.name) return t.text;
  }
  return {};
}

std::vector<std::string> TemplateNames() {
  std::vector<std::string> names;
  for (const auto& t : kTemplates) names.emplace_back(t.name);
  return names;
}

Result<std::string> RenderTemplate(std::string_view name, const nlohmann::json& view) {
  const std::string_view text = TemplateText(name);
  if (text.empty())
    return Error{ErrorCode::kInternal, "no web template named " + std::string(name), {}};
  mustache::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) {
    return Error{ErrorCode::kInternal,
                 "web template " + std::string(name) + ": " + tmpl.error_message(),
                 {}};
  }
  mustache::data data = ToData(view.is_object() ? view : nlohmann::json::object());
  // Partials are the templates named "_NAME", so that no partial hides a view's key.
  for (const auto& t : kTemplates) {
    if (t.name[0] != '_') continue;
    const std::string partial_text(t.text);
    data.set(t.name, mustache::partial{[partial_text] { return partial_text; }});
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return Error{ErrorCode::kInternal,
                 "web template " + std::string(name) + ": " + tmpl.error_message(),
                 {}};
  }
  return out;
}

}  // namespace tpmkit::server::web
