#include "tpmkit/formats/zip_writer.h"

#include <archive.h>
#include <archive_entry.h>

#include <string>

namespace tpmkit::formats {

// Owns the libarchive handle.
struct ZipWriter::Archive {
  archive* a = archive_write_new();
  ~Archive() {
    if (a) archive_write_free(a);
  }
  Error Failure() const {
    const char* why = a ? archive_error_string(a) : nullptr;
    return Error::Invalid(why ? why : "");
  }
};

Result<ZipWriter> ZipWriter::Open(const std::filesystem::path& path) {
  auto archive = std::make_unique<Archive>();
  if (!archive->a) return Error::Invalid("out of memory");
  archive_write_set_format_zip(archive->a);
  if (archive_write_open_filename(archive->a, path.c_str()) != ARCHIVE_OK) {
    return archive->Failure();
  }
  return ZipWriter(std::move(archive));
}

ZipWriter::ZipWriter(std::unique_ptr<Archive> archive) : archive_(std::move(archive)) {}
ZipWriter::ZipWriter(ZipWriter&& other) noexcept = default;
ZipWriter& ZipWriter::operator=(ZipWriter&& other) noexcept = default;
ZipWriter::~ZipWriter() = default;

Status ZipWriter::AddFile(std::string_view name, std::string_view bytes, int64_t mtime) {
  archive* a = archive_->a;
  archive_entry* e = archive_entry_new();
  archive_entry_set_pathname(e, std::string(name).c_str());
  archive_entry_set_mtime(e, static_cast<time_t>(mtime), 0);
  archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_perm(e, 0644);
  const bool good =
      archive_write_header(a, e) == ARCHIVE_OK &&
      archive_write_data(a, bytes.data(), bytes.size()) == static_cast<la_ssize_t>(bytes.size());
  archive_entry_free(e);
  if (!good) return archive_->Failure();
  ++files_;
  return OkStatus();
}

Status ZipWriter::Close() {
  if (archive_write_close(archive_->a) != ARCHIVE_OK) return archive_->Failure();
  return OkStatus();
}

}  // namespace tpmkit::formats
