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

}  // namespace
}  // namespace tpmkit::formats
