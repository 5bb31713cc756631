// Writing a zip archive entry by entry (the audit pack), to a file or to memory. libarchive
// does the work; its types stay inside zip_writer.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "tpmkit/base/error.h"

namespace tpmkit::formats {

// A zip file being written. Open it, AddFile any number of times, then Close. Dropping
// it without Close frees the archive without reporting errors (the file may be
// incomplete; the caller removes it). Not copyable; movable.
class ZipWriter {
 public:
  // Creates (or truncates) the zip file at `path`; a symbolic link at `path` is not
  // followed (an error). Errors: kInvalidInput whose message is the reason (the caller
  // names the file and what it was writing).
  static Result<ZipWriter> Open(const std::filesystem::path& path);

  // A zip built in memory: after Close, bytes() holds the whole archive (the caller
  // writes it where and how it wants, e.g. atomically).
  static Result<ZipWriter> OpenInMemory();

  ZipWriter(ZipWriter&& other) noexcept;
  ZipWriter& operator=(ZipWriter&& other) noexcept;
  ~ZipWriter();

  // Whether `name` may name an entry: not empty, '/'-separated parts none of which is
  // empty, "." or "..", no leading '/', no backslash, no ':' and no control character,
  // so that no unzip tool on any system writes it outside the folder it extracts to.
  static bool IsSafeName(std::string_view name);

  // Adds a regular file (permissions 0644) named `name` inside the archive ('/'
  // separates folders) holding `bytes`, modified at `mtime` (seconds since 1970-01-01
  // UTC). Errors: kInvalidInput when `name` is not IsSafeName or repeats an earlier
  // entry's name (compared ignoring ASCII case, as case-insensitive file systems do), or
  // with libarchive's reason (may be empty).
  Status AddFile(std::string_view name, std::string_view bytes, int64_t mtime);

  // Writes the central directory and closes the file; nothing may be added afterwards.
  // Errors: kInvalidInput whose message is libarchive's reason (may be empty).
  Status Close();

  // Entries added successfully so far.
  size_t files() const { return files_; }

  // The archive written so far; complete after Close. Empty for a zip written to a file.
  const std::string& bytes() const;

 private:
  struct Archive;
  explicit ZipWriter(std::unique_ptr<Archive> archive);

  std::unique_ptr<Archive> archive_;
  size_t files_ = 0;
};

}  // namespace tpmkit::formats
