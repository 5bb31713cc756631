#include "tpmkit/formats/csv_reader.h"

#include <fmt/format.h>

#include <utility>

namespace tpmkit::formats {

CsvReader::CsvReader(std::string_view text, std::string file_name)
    : text_(text), file_(std::move(file_name)) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

Error CsvReader::ErrorAt(int line, int column, const std::string& message) const {
  Error e = Error::Invalid(fmt::format("{}:{}:{}: {}", file_, line, column, message));
  e.diagnostics.push_back(Diagnostic{file_, line, column, message});
  return e;
}

void CsvReader::Advance() {
  const char c = text_[pos_++];
  if (c == '\n' || (c == '\r' && (pos_ == text_.size() || text_[pos_] != '\n'))) {
    ++line_;
    column_ = 1;
  } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '\r') {
    // UTF-8 continuation bytes do not start a character; the CR of a CRLF is not one.
    ++column_;
  }
}

Result<bool> CsvReader::Next(std::vector<CsvField>& fields) {
  fields.clear();
  spans_.clear();
  scratch_.clear();
  const size_t n = text_.size();
  while (pos_ < n && (text_[pos_] == '\n' || text_[pos_] == '\r')) Advance();
  if (pos_ >= n) return false;
  for (;;) {
    Span span;
    span.line = line_;
    span.column = column_;
    if (pos_ < n && text_[pos_] == '"') {
      Advance();
      const size_t begin = pos_;
      bool escaped = false;  // a doubled quote was seen: the value lives in scratch_
      for (;;) {
        if (pos_ >= n) {
          return ErrorAt(span.line, span.column,
                         "this quoted field is never closed (a quote inside a field is "
                         "written twice)");
        }
        const char c = text_[pos_];
        if (c == '"' && pos_ + 1 < n && text_[pos_ + 1] == '"') {
          if (!escaped) {
            escaped = true;
            span.scratch = true;
            span.begin = scratch_.size();
            scratch_.append(text_.substr(begin, pos_ - begin));
          }
          scratch_ += '"';
          Advance();
          Advance();
          continue;
        }
        if (c == '"') break;
        if (escaped) scratch_ += c;
        Advance();
      }
      if (escaped) {
        span.size = scratch_.size() - span.begin;
      } else {
        span.begin = begin;
        span.size = pos_ - begin;
      }
      Advance();  // the closing quote
      if (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        return ErrorAt(line_, column_,
                       "a closing quote must be followed by a comma or a line break (a quote "
                       "inside a field is written twice)");
      }
    } else {
      span.begin = pos_;
      while (pos_ < n && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        Advance();
      }
      span.size = pos_ - span.begin;
    }
    spans_.push_back(span);
    if (pos_ < n && text_[pos_] == ',') {
      Advance();
      continue;
    }
    if (pos_ < n && text_[pos_] == '\r') Advance();
    if (pos_ < n && text_[pos_] == '\n') Advance();
    break;
  }
  fields.reserve(spans_.size());
  for (const Span& s : spans_) {
    std::string_view source = s.scratch ? std::string_view(scratch_) : text_;
    fields.push_back(CsvField{source.substr(s.begin, s.size), s.line, s.column});
  }
  return true;
}

}  // namespace tpmkit::formats
