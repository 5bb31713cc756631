#include "tpmkit/formats/xlsx.h"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "tpmkit/base/check.h"

namespace tpmkit::formats {

namespace {

// Excel's limits: characters in a sheet name, bytes in a cell's text.
constexpr size_t kMaxSheetName = 31;
constexpr size_t kMaxCellBytes = 32767;
// Column widths, in characters.
constexpr double kMinWidth = 8;
constexpr double kMaxWidth = 60;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !IsContinuation(c); }));
}

// At most `n` code points of `text`.
std::string CutCodePoints(std::string_view text, size_t n) {
  size_t points = 0, end = 0;
  for (; end < text.size(); ++end) {
    if (!IsContinuation(text[end]) && ++points > n) break;
  }
  return std::string(text.substr(0, end));
}

// At most `max_bytes` bytes of `text`, not cutting a UTF-8 sequence.
std::string_view CutBytes(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && IsContinuation(text[end])) --end;
  return text.substr(0, end);
}

// Excel's Good, Neutral and Bad cell styles: a light fill with a dark font of the same hue.
struct ToneColours {
  lxw_color_t fill;
  lxw_color_t font;
};
ToneColours ColoursOf(Tone tone) {
  switch (tone) {
    case Tone::kGreen:
      return {0xC6EFCE, 0x006100};
    case Tone::kAmber:
      return {0xFFEB9C, 0x9C5700};
    case Tone::kRed:
      return {0xFFC7CE, 0x9C0006};
    case Tone::kNone:
      break;
  }
  return {LXW_COLOR_WHITE, LXW_COLOR_BLACK};
}

const char* NumberFormatOf(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kInteger:
      return "0";
    case ColumnKind::kNumber:
      return "0.00";
    case ColumnKind::kMoney:
      return "#,##0";
    case ColumnKind::kPercent:
      return "0.0%";
    case ColumnKind::kDate:
      return "yyyy-mm-dd";
    case ColumnKind::kText:
      break;
  }
  return nullptr;
}

// The width a value takes on screen, roughly as Excel shows it.
double DisplayWidth(const TableCell& cell, ColumnKind kind) {
  switch (cell.type) {
    case CellType::kText:
      return static_cast<double>(CodePoints(cell.text));
    case CellType::kDate:
      return 10;
    case CellType::kEmpty:
      return 0;
    case CellType::kNumber:
      break;
  }
  const double v = cell.number;
  const double digits = std::floor(std::log10(std::max(1.0, std::fabs(v)))) + 1;
  const double sign = v < 0 ? 1 : 0;
  switch (kind) {
    case ColumnKind::kMoney:
      return digits + std::floor((digits - 1) / 3) + sign;
    case ColumnKind::kPercent:
      return digits + 4;
    case ColumnKind::kNumber:
      return digits + 3 + sign;
    default:
      return digits + sign;
  }
}

// The workbook's formats, one per (kind, tone), made on first use; the workbook owns them.
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
  }
  lxw_format* header() const { return header_; }

  // nullptr: the default format (plain text).
  lxw_format* Of(ColumnKind kind, Tone tone) {
    if (kind == ColumnKind::kText && tone == Tone::kNone) return nullptr;
    auto [it, fresh] = formats_.try_emplace({kind, tone}, nullptr);
    if (!fresh) return it->second;
    lxw_format* f = workbook_add_format(workbook_);
    if (const char* number = NumberFormatOf(kind)) format_set_num_format(f, number);
    if (tone != Tone::kNone) {
      const ToneColours colours = ColoursOf(tone);
      format_set_pattern(f, LXW_PATTERN_SOLID);
      format_set_bg_color(f, colours.fill);
      format_set_font_color(f, colours.font);
    }
    it->second = f;
    return f;
  }

 private:
  lxw_workbook* workbook_;
  lxw_format* header_ = nullptr;
  std::map<std::pair<ColumnKind, Tone>, lxw_format*> formats_;
};

// Names Excel compares case-insensitively; ASCII folding is what tables' titles need.
std::string FoldCase(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A name for the table's sheet that no earlier sheet has.
std::string UniqueSheetName(const std::string& title, std::set<std::string>& taken) {
  const std::string base = XlsxSheetName(title);
  std::string name = base;
  for (int n = 2; !taken.insert(FoldCase(name)).second; ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = CutCodePoints(base, kMaxSheetName - suffix.size()) + suffix;
  }
  return name;
}

Error LibraryError(const char* what, lxw_error error) {
  return Error{ErrorCode::kInternal, std::string(what) + ": " + lxw_strerror(error), {}};
}

// Writes one table into `sheet`.
Status WriteSheet(lxw_worksheet* sheet, const Table& table, Formats& formats) {
  const auto cols = static_cast<lxw_col_t>(table.columns.size());
  std::vector<double> widths(table.columns.size(), kMinWidth);
  for (lxw_col_t c = 0; c < cols; ++c) {
    const auto& title = table.columns[c].title;
    widths[c] = std::max(widths[c], static_cast<double>(CodePoints(title)));
    if (auto e = worksheet_write_string(sheet, 0, c, title.c_str(), formats.header());
        e != LXW_NO_ERROR) {
      return LibraryError("cannot write a header cell", e);
    }
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    TPMKIT_CHECK(row.size() == table.columns.size());
    const auto at = static_cast<lxw_row_t>(r + 1);
    for (lxw_col_t c = 0; c < cols; ++c) {
      const ColumnKind kind = table.columns[c].kind;
      const TableCell& cell = row[c];
      widths[c] = std::max(widths[c], DisplayWidth(cell, kind));
      lxw_error e = LXW_NO_ERROR;
      switch (cell.type) {
        case CellType::kText: {
          // Always a string cell: text beginning with = + - @ stays text, never a formula.
          const std::string value(CutBytes(cell.text, kMaxCellBytes));
          e = worksheet_write_string(sheet, at, c, value.c_str(),
                                     formats.Of(ColumnKind::kText, cell.tone));
          break;
        }
        case CellType::kNumber:
          TPMKIT_CHECK(kind != ColumnKind::kText && kind != ColumnKind::kDate);
          if (std::isfinite(cell.number)) {
            e = worksheet_write_number(sheet, at, c, cell.number, formats.Of(kind, cell.tone));
          }
          break;
        case CellType::kDate: {
          TPMKIT_CHECK(kind == ColumnKind::kDate);
          const auto ymd = cell.date.ToYmd();
          lxw_datetime dt{static_cast<int>(ymd.year()),
                          static_cast<int>(unsigned(ymd.month())),
                          static_cast<int>(unsigned(ymd.day())),
                          0,
                          0,
                          0.0};
          e = worksheet_write_datetime(sheet, at, c, &dt, formats.Of(kind, cell.tone));
          break;
        }
        case CellType::kEmpty:
          if (cell.tone != Tone::kNone) {
            e = worksheet_write_blank(sheet, at, c, formats.Of(kind, cell.tone));
          }
          break;
      }
      if (e != LXW_NO_ERROR) return LibraryError("cannot write a cell", e);
    }
  }
  for (lxw_col_t c = 0; c < cols; ++c) {
    worksheet_set_column(sheet, c, c, std::min(kMaxWidth, widths[c] + 2), nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (cols > 0) {
    if (auto e =
            worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()), cols - 1);
        e != LXW_NO_ERROR) {
      return LibraryError("cannot set the autofilter", e);
    }
  }
  return OkStatus();
}

// A private temporary file, removed when this goes out of scope.
class TempFile {
 public:
  static Result<TempFile> Create() {
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::temp_directory_path(ec);
    if (ec) folder = "/tmp";
    std::string path = (folder / "tpmkit-xlsx-XXXXXX").string();
    const int fd = ::mkstemp(path.data());
    if (fd < 0) {
      return Error::Storage("cannot create a temporary file in " + folder.string() + ": " +
                            std::strerror(errno));
    }
    ::close(fd);
    return TempFile(std::move(path));
  }
  TempFile(TempFile&& o) noexcept : path_(std::exchange(o.path_, "")) {}
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

  Result<std::string> Read() const {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error::Storage(path_ + ": cannot read: " + std::strerror(errno));
    std::string out;
    char buffer[1 << 16];
    while (true) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        return Error::Storage(path_ + ": cannot read: " + why);
      }
      if (n == 0) break;
      out.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return out;
  }

 private:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace

std::string XlsxSheetName(const std::string& title) {
  std::string name;
  for (char c : title) {
    const bool forbidden = std::strchr("[]:*?/\\", c) != nullptr && c != '\0';
    // Control characters have no place in a tab's label either.
    const bool control = static_cast<unsigned char>(c) < 0x20;
    name += (forbidden || control) ? '_' : c;
  }
  while (!name.empty() && name.front() == '\'') name.erase(name.begin());
  name = CutCodePoints(name, kMaxSheetName);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  return name.empty() ? "Sheet" : name;
}

Result<std::string> WriteXlsx(const std::vector<Table>& tables, const XlsxOptions& options) {
  TPMKIT_ASSIGN_OR_RETURN(TempFile file, TempFile::Create());
  lxw_workbook_options workbook_options{};
  workbook_options.constant_memory = LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &workbook_options);
  if (!workbook) return Error::Storage(file.path() + ": cannot start a workbook");

  // Only what the caller gives: no author, company or time from the system.
  std::string title(CutBytes(options.title, 255));
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.created = std::chrono::system_clock::to_time_t(options.created);
  // libxlsxwriter treats 0 as "now"; one second past the epoch stays reproducible.
  if (properties.created == 0) properties.created = 1;
  workbook_set_properties(workbook, &properties);

  Status status;
  Formats formats(workbook);
  std::set<std::string> taken;
  for (const auto& table : tables) {
    const std::string name = UniqueSheetName(table.title, taken);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
    if (!sheet) {
      status = Error{ErrorCode::kInternal, "cannot add the worksheet '" + name + "'", {}};
      break;
    }
    status = WriteSheet(sheet, table, formats);
    if (!status.ok()) break;
  }
  // Closing writes the file, and frees the workbook whatever happened before.
  const lxw_error closed = workbook_close(workbook);
  if (!status.ok()) return std::move(status).error();
  if (closed != LXW_NO_ERROR) {
    return Error::Storage(file.path() + ": cannot write the workbook: " + lxw_strerror(closed));
  }
  return file.Read();
}

}  // namespace tpmkit::formats
