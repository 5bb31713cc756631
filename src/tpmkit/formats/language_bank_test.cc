#include "tpmkit/formats/language_bank.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tpmkit::formats {
namespace {

// "FILE:LINE:COLUMN: message" of each diagnostic of a rejected bank.
std::vector<std::string> Problems(std::string_view text) {
  auto r = ParseLanguageBankFile(text, "bank.yaml");
  EXPECT_FALSE(r.ok()) << "the bank was accepted";
  std::vector<std::string> out;
  if (r.ok()) return out;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  for (const auto& d : r.error().diagnostics) {
    out.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                  d.message);
  }
  return out;
}

TEST(LanguageBank, ReadsQuestionsAndPhrasesInFileOrder) {
  auto r = ParseLanguageBankFile(
      "themes:\n"
      "  risks:\n"
      "    question: Who owns this risk, and when do we hear back?\n"
      "    phrases: [Ask the owner for a date., Write the fallback down.]\n"
      "  kpis:\n"
      "    phrases:\n"
      "      - Which measure does the steering committee read first?\n",
      "bank.yaml");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const BankFile& b = *r;
  EXPECT_FALSE(b.replace_phrases);  // extend is the default
  ASSERT_EQ(b.themes.size(), 2u);
  EXPECT_EQ(b.themes[0].theme, "risks");
  EXPECT_EQ(b.themes[0].line, 2);
  EXPECT_EQ(b.themes[0].column, 3);
  ASSERT_TRUE(b.themes[0].question.has_value());
  EXPECT_EQ(*b.themes[0].question, "Who owns this risk, and when do we hear back?");
  EXPECT_EQ(b.themes[0].phrases,
            (std::vector<std::string>{"Ask the owner for a date.", "Write the fallback down."}));
  EXPECT_EQ(b.themes[1].theme, "kpis");
  EXPECT_EQ(b.themes[1].line, 5);
  EXPECT_FALSE(b.themes[1].question.has_value());  // keeps the default question
  EXPECT_EQ(b.themes[1].phrases,
            std::vector<std::string>{"Which measure does the steering committee read first?"});
}

TEST(LanguageBank, PhrasesReplaceOrExtend) {
  auto replace = ParseLanguageBankFile(
      "phrases: replace\nthemes:\n  assumptions:\n"
      "    question: What are we taking for granted?\n",
      "bank.yaml");
  ASSERT_TRUE(replace.ok()) << replace.error().message;
  EXPECT_TRUE(replace->replace_phrases);
  auto extend = ParseLanguageBankFile("phrases: extend\nthemes: {}\n", "bank.yaml");
  ASSERT_TRUE(extend.ok()) << extend.error().message;
  EXPECT_FALSE(extend->replace_phrases);
  EXPECT_TRUE(extend->themes.empty());
}

TEST(LanguageBank, YamlSyntaxErrorHasItsPosition) {
  auto p = Problems("themes:\n  risks:\n    question: [unclosed\n");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].rfind("bank.yaml:", 0), 0u) << p[0];
  // yaml-cpp reports the end of the flow sequence it could not close: line 4 (end of input)
  // or the line of the bracket, never line 1.
  EXPECT_EQ(p[0].find("bank.yaml:1:"), std::string::npos) << p[0];
}

TEST(LanguageBank, RootMustBeAMapping) {
  EXPECT_EQ(Problems("- risks\n"),
            std::vector<std::string>{"bank.yaml:1:1: a language bank is a mapping with 'themes' "
                                     "(and optionally 'phrases')"});
}

TEST(LanguageBank, UnknownTopLevelKey) {
  EXPECT_EQ(Problems("themes: {}\nquestions: {}\n"),
            std::vector<std::string>{
                "bank.yaml:2:1: unknown key 'questions' (expected phrases or themes)"});
}

TEST(LanguageBank, PhrasesModeMustBeExtendOrReplace) {
  EXPECT_EQ(Problems("phrases: append\nthemes: {}\n"),
            std::vector<std::string>{"bank.yaml:1:10: phrases must be 'extend' or 'replace'"});
}

TEST(LanguageBank, ThemesMustBeAMapping) {
  EXPECT_EQ(Problems("themes:\n  - risks\n"),
            std::vector<std::string>{"bank.yaml:2:3: themes must be a mapping from theme name "
                                     "to its question and phrases"});
}

TEST(LanguageBank, ThemeMustBeAMapping) {
  EXPECT_EQ(Problems("themes:\n  risks: Who owns it?\n"),
            std::vector<std::string>{"bank.yaml:2:10: theme 'risks' must be a mapping with "
                                     "'question' and/or 'phrases'"});
}

TEST(LanguageBank, QuestionMustBeNonEmptyText) {
  EXPECT_EQ(Problems("themes:\n  risks:\n    question: ''\n"),
            std::vector<std::string>{"bank.yaml:3:15: question must be a non-empty text"});
  EXPECT_EQ(Problems("themes:\n  risks:\n    question: [a, b]\n"),
            std::vector<std::string>{"bank.yaml:3:15: question must be a non-empty text"});
}

TEST(LanguageBank, PhrasesMustBeAListOfTexts) {
  EXPECT_EQ(Problems("themes:\n  risks:\n    phrases: Ask the owner.\n"),
            std::vector<std::string>{"bank.yaml:3:14: phrases must be a list of texts"});
  EXPECT_EQ(Problems("themes:\n  risks:\n    phrases:\n      - Ask the owner.\n      - {a: 1}\n"),
            std::vector<std::string>{"bank.yaml:5:9: a phrase must be a non-empty text"});
}

TEST(LanguageBank, UnknownThemeKey) {
  EXPECT_EQ(Problems("themes:\n  risks:\n    questoin: Who?\n"),
            std::vector<std::string>{
                "bank.yaml:3:5: unknown key 'questoin' (expected question or phrases)"});
}

TEST(LanguageBank, EveryProblemIsReportedAtOnce) {
  auto p = Problems("phrases: sometimes\nthemes:\n  risks:\n    question: ''\n    extra: 1\n");
  EXPECT_EQ(p, (std::vector<std::string>{
                   "bank.yaml:1:10: phrases must be 'extend' or 'replace'",
                   "bank.yaml:4:15: question must be a non-empty text",
                   "bank.yaml:5:5: unknown key 'extra' (expected question or phrases)"}));
}

}  // namespace
}  // namespace tpmkit::formats
