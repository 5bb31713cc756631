// Small helpers the toolkit uses to put numbers into sentences (money and digit
// grouping: amounts.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tpmkit::toolkit::wording {

// "1 item", "3 items".
std::string Count(long n, std::string_view singular, std::string_view plural);
// A number with at most `decimals` decimals and no trailing zeros: 0.4, 12.5, 3.
std::string Number(double value, int decimals = 2);
// A fraction 0..1 as a percentage with at most one decimal: "62.5%".
std::string Percent(double fraction);
// "a", "a and b", "a, b and c".
std::string JoinList(const std::vector<std::string>& items);
// Lower-case ASCII copy.
std::string Lower(std::string_view text);
// The text with its first letter upper-case (ASCII): "risk R-07 ..." -> "Risk R-07 ...".
std::string Capitalized(std::string text);
// A key in words: "at_risk" -> "at risk".
std::string Spaced(std::string_view key);

}  // namespace tpmkit::toolkit::wording
