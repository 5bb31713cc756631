// The colours of every chart, in one place. Series use the Okabe-Ito palette, which stays
// distinct for the common colour-vision deficiencies; the RAG and band colours also step
// in lightness (green lightest, red darkest), so they read in grey and in print.
#pragma once

#include <string_view>

namespace tpmkit::report::svg::palette {

// Text, axes and grid.
inline constexpr std::string_view kInk = "#222222";
inline constexpr std::string_view kMuted = "#666666";
inline constexpr std::string_view kGrid = "#dddddd";
inline constexpr std::string_view kBackground = "#ffffff";
inline constexpr std::string_view kOnDark = "#ffffff";  // text on kRed and kCritical

// RAG. Grey values (Rec. 709 luma) about 210, 176 and 40.
inline constexpr std::string_view kGreen = "#b8e186";
inline constexpr std::string_view kAmber = "#f4a742";
inline constexpr std::string_view kRed = "#a50026";

// Score bands (risk heat map, scorecard), low to critical; strictly darker each step.
inline constexpr std::string_view kLow = kGreen;
inline constexpr std::string_view kModerate = kAmber;
inline constexpr std::string_view kHigh = "#e0603a";
inline constexpr std::string_view kCritical = kRed;

// The same bands as light tints, for backgrounds behind a line.
inline constexpr std::string_view kLowTint = "#eef7e1";
inline constexpr std::string_view kModerateTint = "#fdefd6";
inline constexpr std::string_view kHighTint = "#f9dcd3";
inline constexpr std::string_view kCriticalTint = "#f0ccd4";

// Series (Okabe-Ito).
inline constexpr std::string_view kBlue = "#0072b2";
inline constexpr std::string_view kOrange = "#e69f00";
inline constexpr std::string_view kVermillion = "#d55e00";
inline constexpr std::string_view kBluishGreen = "#009e73";
inline constexpr std::string_view kSkyBlue = "#56b4e9";
inline constexpr std::string_view kReddishPurple = "#cc79a7";
inline constexpr std::string_view kNeutralGrey = "#999999";

// Darker shades of the lighter series colours for text on white (contrast above 4.5:1).
inline constexpr std::string_view kVermillionText = "#b04a00";
inline constexpr std::string_view kReddishPurpleText = "#a3477f";

// Backgrounds of the stakeholder quadrants: "Manage closely" stands out, the rest recede.
inline constexpr std::string_view kQuadrantStrong = "#e3eef7";
inline constexpr std::string_view kQuadrantLight = "#f5f5f5";

}  // namespace tpmkit::report::svg::palette
