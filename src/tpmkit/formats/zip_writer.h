// Writing a zip archive entry by entry (the audit pack). libarchive does the work; its
// types stay inside zip_writer.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

#include "tpmkit/base/error.h"

namespace tpmkit::formats {

// A zip file being written. Open it, AddFile any number of times, then Close. Dropping
// it without Close frees the archive without reporting errors (the file may be
// incomplete; the caller removes it). Not copyable; movable.
class ZipWriter {
 public:
  // Creates (or truncates) the zip file at `path`. Errors: kInvalidInput whose message is
  // libarchive's reason (the caller names the file and what it was writing).
  static Result<ZipWriter> Open(const std::filesystem::path& path);

  ZipWriter(ZipWriter&& other) noexcept;
  ZipWriter& operator=(ZipWriter&& other) noexcept;
  ~ZipWriter();

  // Adds a regular file (permissions 0644) named `name` inside the archive ('/'
  // separates folders) holding `bytes`, modified at `mtime` (seconds since 1970-01-01
  // UTC). Errors: kInvalidInput whose message is libarchive's reason (may be empty).
  Status AddFile(std::string_view name, std::string_view bytes, int64_t mtime);

  // Writes the central directory and closes the file; nothing may be added afterwards.
  // Errors: kInvalidInput whose message is libarchive's reason (may be empty).
  Status Close();

  // Entries added successfully so far.
  size_t files() const { return files_; }

 private:
  struct Archive;
  explicit ZipWriter(std::unique_ptr<Archive> archive);

  std::unique_ptr<Archive> archive_;
  size_t files_ = 0;
};

}  // namespace tpmkit::formats
