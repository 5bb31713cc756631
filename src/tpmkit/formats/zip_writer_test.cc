#include "tpmkit/formats/zip_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace tpmkit::formats {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ZipWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tpmkit_zip_writer_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(ZipWriterTest, WritesEntriesAndTheCentralDirectory) {
  const fs::path path = dir_ / "pack.zip";
  auto zip = ZipWriter::Open(path);
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  EXPECT_TRUE(zip->AddFile("index.html", "<html></html>", 1'750'000'000).ok());
  EXPECT_TRUE(zip->AddFile("evidence/a.md", "", 0).ok());
  EXPECT_EQ(zip->files(), 2u);
  ASSERT_TRUE(zip->Close().ok());
  const std::string bytes = ReadAll(path);
  ASSERT_GE(bytes.size(), 22u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));  // a local file header
  EXPECT_NE(bytes.find("index.html"), std::string::npos);
  EXPECT_NE(bytes.find("evidence/a.md"), std::string::npos);
  EXPECT_NE(bytes.find(std::string("PK\x05\x06", 4)), std::string::npos);  // end of directory
}

TEST_F(ZipWriterTest, AFolderThatDoesNotExistIsAnError) {
  auto zip = ZipWriter::Open(dir_ / "no" / "such" / "pack.zip");
  ASSERT_FALSE(zip.ok());
  EXPECT_EQ(zip.error().code, ErrorCode::kInvalidInput);
}

TEST_F(ZipWriterTest, ASymlinkAtThePathIsNotFollowed) {
  const fs::path target = dir_ / "target.txt";
  std::ofstream(target) << "keep";
  fs::create_symlink(target, dir_ / "pack.zip");
  auto zip = ZipWriter::Open(dir_ / "pack.zip");
  EXPECT_FALSE(zip.ok());
  EXPECT_EQ(ReadAll(target), "keep");
}

TEST_F(ZipWriterTest, UnsafeAndRepeatedNamesAreRefused) {
  for (const char* name :
       {"", "/etc/passwd", "../evil.txt", "evidence/../../evil.txt", "..\\..\\evil.txt", "a//b",
        "a/./b", "evidence/", "c:evil", "a\nb", "a\x1b[2Jb"}) {
    EXPECT_FALSE(ZipWriter::IsSafeName(name)) << name;
  }
  for (const char* name : {"index.html", "evidence/a.md", "evidence/x/..a.md", "caf\xc3\xa9.md"}) {
    EXPECT_TRUE(ZipWriter::IsSafeName(name)) << name;
  }
  auto zip = ZipWriter::OpenInMemory();
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  EXPECT_FALSE(zip->AddFile("../evil.txt", "x", 0).ok());
  EXPECT_TRUE(zip->AddFile("evidence/a.md", "a", 0).ok());
  EXPECT_FALSE(zip->AddFile("evidence/a.md", "b", 0).ok());
  EXPECT_FALSE(zip->AddFile("Evidence/A.md", "b", 0).ok());
  EXPECT_EQ(zip->files(), 1u);
  ASSERT_TRUE(zip->Close().ok());
}

TEST_F(ZipWriterTest, InMemoryGivesTheSameBytesAsAFile) {
  auto write = [](ZipWriter& zip) {
    EXPECT_TRUE(zip.AddFile("index.html", "<html></html>", 1'750'000'000).ok());
    EXPECT_TRUE(zip.Close().ok());
  };
  auto file = ZipWriter::Open(dir_ / "pack.zip");
  ASSERT_TRUE(file.ok());
  write(*file);
  auto memory = ZipWriter::OpenInMemory();
  ASSERT_TRUE(memory.ok());
  write(*memory);
  EXPECT_EQ(memory->bytes(), ReadAll(dir_ / "pack.zip"));
  EXPECT_EQ(memory->bytes().substr(0, 4), std::string("PK\x03\x04", 4));
}

}  // namespace
}  // namespace tpmkit::formats
