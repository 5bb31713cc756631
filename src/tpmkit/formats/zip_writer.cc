#include "tpmkit/formats/zip_writer.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <string>

namespace tpmkit::formats {

// Owns the libarchive handle, the file descriptor it writes to (when writing a file) and
// the names already added.
struct ZipWriter::Archive {
  archive* a = archive_write_new();
  int fd = -1;
  std::string memory;           // the archive, when written to memory
  std::set<std::string> names;  // lowercased
  ~Archive() {
    if (a) archive_write_free(a);
    if (fd >= 0) ::close(fd);
  }
  Error Failure() const {
    const char* why = a ? archive_error_string(a) : nullptr;
    return Error::Invalid(why ? why : "");
  }
  static la_ssize_t Append(struct archive*, void* self, const void* buffer, size_t length) {
    static_cast<Archive*>(self)->memory.append(static_cast<const char*>(buffer), length);
    return static_cast<la_ssize_t>(length);
  }
};

Result<ZipWriter> ZipWriter::Open(const std::filesystem::path& path) {
  auto archive = std::make_unique<Archive>();
  if (!archive->a) return Error::Invalid("out of memory");
  archive_write_set_format_zip(archive->a);
  archive->fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (archive->fd < 0) return Error::Invalid(std::strerror(errno));
  // As libarchive does for a regular file it opens itself: the last block is not padded.
  archive_write_set_bytes_in_last_block(archive->a, 1);
  if (archive_write_open_fd(archive->a, archive->fd) != ARCHIVE_OK) return archive->Failure();
  return ZipWriter(std::move(archive));
}

Result<ZipWriter> ZipWriter::OpenInMemory() {
  auto archive = std::make_unique<Archive>();
  if (!archive->a) return Error::Invalid("out of memory");
  archive_write_set_format_zip(archive->a);
  archive_write_set_bytes_in_last_block(archive->a, 1);
  if (archive_write_open(archive->a, archive.get(), nullptr, &Archive::Append, nullptr) !=
      ARCHIVE_OK) {
    return archive->Failure();
  }
  return ZipWriter(std::move(archive));
}

ZipWriter::ZipWriter(std::unique_ptr<Archive> archive) : archive_(std::move(archive)) {}
ZipWriter::ZipWriter(ZipWriter&& other) noexcept = default;
ZipWriter& ZipWriter::operator=(ZipWriter&& other) noexcept = default;
ZipWriter::~ZipWriter() = default;

bool ZipWriter::IsSafeName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  size_t start = 0;
  for (;;) {
    const size_t end = std::min(name.find('/', start), name.size());
    const std::string_view part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == name.size()) break;
    start = end + 1;
  }
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\\' || c == ':' || u < 0x20 || u == 0x7f) return false;
  }
  return true;
}

Status ZipWriter::AddFile(std::string_view name, std::string_view bytes, int64_t mtime) {
  if (!IsSafeName(name)) {
    return Error::Invalid("unsafe name for a zip entry: '" + std::string(name) + "'");
  }
  std::string key(name);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (archive_->names.count(key)) {
    return Error::Invalid("two zip entries named '" + std::string(name) + "'");
  }
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
  archive_->names.insert(std::move(key));
  ++files_;
  return OkStatus();
}

Status ZipWriter::Close() {
  if (archive_write_close(archive_->a) != ARCHIVE_OK) return archive_->Failure();
  if (archive_->fd >= 0) {
    const int fd = archive_->fd;
    archive_->fd = -1;
    if (::close(fd) != 0) return Error::Invalid(std::strerror(errno));
  }
  return OkStatus();
}

const std::string& ZipWriter::bytes() const { return archive_->memory; }

}  // namespace tpmkit::formats
