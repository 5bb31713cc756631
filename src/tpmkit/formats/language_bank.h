// The language-bank file of `tpmkit review --bank FILE` (YAML): questions that replace
// the default bank's and phrases that extend or replace its follow-ups. This layer reads
// the bytes; which theme names exist is the toolkit's business (app checks them with the
// line and column kept here).
//
//   phrases: extend          # extend (default) | replace: what the phrases below do
//   themes:
//     risks:
//       question: Who owns this risk, and when do we hear back?
//       phrases: [Ask the owner for a date.]
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/error.h"

namespace tpmkit::formats {

struct BankFileTheme {
  std::string theme;  // as written
  int line = 0;       // 1-based position of the theme's key
  int column = 0;
  std::optional<std::string> question;
  std::vector<std::string> phrases;
};

struct BankFile {
  bool replace_phrases = false;
  std::vector<BankFileTheme> themes;  // in file order
};

// Parses a bank file. Errors: kInvalidInput with one Diagnostic {file_name, line, column,
// message} per problem (YAML syntax, an unknown key, a value of the wrong type, an empty
// question).
Result<BankFile> ParseLanguageBankFile(std::string_view text, const std::string& file_name);

}  // namespace tpmkit::formats
