#include "tpmkit/formats/language_bank.h"

#include <yaml-cpp/yaml.h>

namespace tpmkit::formats {

namespace {

class Collector {
 public:
  explicit Collector(const std::string& file) : file_(file) {}
  void Add(const YAML::Node& node, std::string message) {
    const YAML::Mark m = node.Mark();
    diags_.push_back({file_, m.line + 1, m.column + 1, std::move(message)});
  }
  bool empty() const { return diags_.empty(); }
  Error ToError() {
    Error e =
        Error::Invalid(std::to_string(diags_.size()) + " problem(s) in the language bank " + file_);
    e.diagnostics = std::move(diags_);
    return e;
  }

 private:
  std::string file_;
  std::vector<Diagnostic> diags_;
};

std::optional<std::string> Text(const YAML::Node& node, Collector& c, const std::string& what) {
  if (!node.IsScalar() || node.Scalar().empty()) {
    c.Add(node, what + " must be a non-empty text");
    return std::nullopt;
  }
  return node.Scalar();
}

void ReadTheme(const YAML::Node& key, const YAML::Node& value, BankFile& out, Collector& c) {
  BankFileTheme t;
  t.theme = key.Scalar();
  t.line = key.Mark().line + 1;
  t.column = key.Mark().column + 1;
  if (!value.IsMap()) {
    c.Add(value, "theme '" + t.theme + "' must be a mapping with 'question' and/or 'phrases'");
    return;
  }
  for (const auto& kv : value) {
    const std::string k = kv.first.Scalar();
    if (k == "question") {
      t.question = Text(kv.second, c, "question");
    } else if (k == "phrases") {
      if (!kv.second.IsSequence()) {
        c.Add(kv.second, "phrases must be a list of texts");
        continue;
      }
      for (const auto& item : kv.second) {
        if (auto s = Text(item, c, "a phrase")) t.phrases.push_back(*s);
      }
    } else {
      c.Add(kv.first, "unknown key '" + k + "' (expected question or phrases)");
    }
  }
  out.themes.push_back(std::move(t));
}

}  // namespace

Result<BankFile> ParseLanguageBankFile(std::string_view text, const std::string& file_name) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    Error err = Error::Invalid("the language bank " + file_name + " is not valid YAML");
    err.diagnostics.push_back({file_name, e.mark.line + 1, e.mark.column + 1, e.msg});
    return err;
  }
  Collector c(file_name);
  BankFile out;
  if (!root.IsMap()) {
    c.Add(root, "a language bank is a mapping with 'themes' (and optionally 'phrases')");
    return c.ToError();
  }
  for (const auto& kv : root) {
    const std::string k = kv.first.Scalar();
    if (k == "phrases") {
      const std::string v = kv.second.IsScalar() ? kv.second.Scalar() : "";
      if (v == "replace") {
        out.replace_phrases = true;
      } else if (v != "extend") {
        c.Add(kv.second, "phrases must be 'extend' or 'replace'");
      }
    } else if (k == "themes") {
      if (!kv.second.IsMap()) {
        c.Add(kv.second, "themes must be a mapping from theme name to its question and phrases");
        continue;
      }
      for (const auto& theme : kv.second) ReadTheme(theme.first, theme.second, out, c);
    } else {
      c.Add(kv.first, "unknown key '" + k + "' (expected phrases or themes)");
    }
  }
  if (!c.empty()) return c.ToError();
  return out;
}

}  // namespace tpmkit::formats
