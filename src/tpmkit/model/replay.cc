#include "tpmkit/model/replay.h"

#include <string_view>

namespace tpmkit::model {

namespace {

bool IsOrderField(std::string_view field) {
  constexpr std::string_view kSuffix = ".order";
  return field.size() >= kSuffix.size() && field.substr(field.size() - kSuffix.size()) == kSuffix;
}

using Fields = std::map<std::string, std::string>;

// `text` with the JSON escapes \u0008 \u0009 \u000a \u000c \u000d written in their short
// form (\b \t \n \f \r), as AppendJsonString writes them now: trails of older versions
// quote list items with the long form, and the two spell the same value.
std::string SameSpelling(std::string_view text) {
  if (text.find("\\u000") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    if (text[i + 1] == 'u' && text.substr(i + 2, 3) == "000" && i + 5 < text.size()) {
      char shortened = 0;
      switch (text[i + 5]) {
        case '8':
          shortened = 'b';
          break;
        case '9':
          shortened = 't';
          break;
        case 'a':
        case 'A':
          shortened = 'n';
          break;
        case 'c':
        case 'C':
          shortened = 'f';
          break;
        case 'd':
        case 'D':
          shortened = 'r';
          break;
        default:
          break;
      }
      if (shortened != 0) {
        out += '\\';
        out += shortened;
        i += 5;
        continue;
      }
    }
    // Any other escape, "\\" included, is kept as it is.
    out += text.substr(i, 2);
    ++i;
  }
  return out;
}

bool SameValue(const std::string& a, const std::string& b) {
  return a == b || SameSpelling(a) == SameSpelling(b);
}

void SetFields(Fields& fields, const std::vector<FieldChange>& changes) {
  for (const auto& c : changes) {
    if (c.new_value) {
      fields[c.field] = *c.new_value;
    } else {
      fields.erase(c.field);
    }
  }
}

}  // namespace

void ApplyChange(ProgramState& state, const EntityChange& change) {
  EntityKey key{change.entity, change.entity_id};
  switch (change.action) {
    case ChangeAction::kCreate: {
      Fields& fields = state[key];
      fields.clear();
      SetFields(fields, change.changes);
      break;
    }
    case ChangeAction::kUpdate:
      SetFields(state[key], change.changes);
      break;
    case ChangeAction::kDelete:
      if (change.entity == "program") {
        state.clear();
      } else {
        state.erase(key);
      }
      break;
  }
}

ProgramState ReplayChanges(const std::vector<EntityChange>& changes) {
  ProgramState state;
  for (const auto& c : changes) ApplyChange(state, c);
  return state;
}

std::vector<StateDifference> CompareStates(const ProgramState& expected,
                                           const ProgramState& actual) {
  static const Fields kNone;
  std::vector<StateDifference> out;
  auto compare = [&](const EntityKey& key, const Fields* e, const Fields* a) {
    const Fields& ef = e ? *e : kNone;
    const Fields& af = a ? *a : kNone;
    size_t before = out.size();
    auto ei = ef.begin();
    auto ai = af.begin();
    while (ei != ef.end() || ai != af.end()) {
      if (ei != ef.end() && ai != af.end() && ei->first == ai->first) {
        if (!SameValue(ei->second, ai->second) && !IsOrderField(ei->first)) {
          out.push_back({key.entity, key.entity_id, ei->first, ei->second, ai->second});
        }
        ++ei;
        ++ai;
      } else if (ai == af.end() || (ei != ef.end() && ei->first < ai->first)) {
        if (!IsOrderField(ei->first)) {
          out.push_back({key.entity, key.entity_id, ei->first, ei->second, std::nullopt});
        }
        ++ei;
      } else {
        if (!IsOrderField(ai->first)) {
          out.push_back({key.entity, key.entity_id, ai->first, std::nullopt, ai->second});
        }
        ++ai;
      }
    }
    // An entity on one side only, without fields to tell it by.
    if (out.size() == before && (e == nullptr) != (a == nullptr)) {
      out.push_back({key.entity, key.entity_id, "", std::nullopt, std::nullopt});
    }
  };
  auto ei = expected.begin();
  auto ai = actual.begin();
  while (ei != expected.end() || ai != actual.end()) {
    if (ei != expected.end() && ai != actual.end() && ei->first == ai->first) {
      compare(ei->first, &ei->second, &ai->second);
      ++ei;
      ++ai;
    } else if (ai == actual.end() || (ei != expected.end() && ei->first < ai->first)) {
      compare(ei->first, &ei->second, nullptr);
      ++ei;
    } else {
      compare(ai->first, nullptr, &ai->second);
      ++ai;
    }
  }
  return out;
}

}  // namespace tpmkit::model
