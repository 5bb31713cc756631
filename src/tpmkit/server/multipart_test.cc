#include "tpmkit/server/multipart.h"

#include <gtest/gtest.h>

namespace tpmkit::server {
namespace {

// A body as chromium sends it for a form with a text field and a file.
const std::string kBody =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"csrf_token\"\r\n"
    "\r\n"
    "abc123\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"minutes.pdf\"\r\n"
    "Content-Type: application/pdf\r\n"
    "\r\n"
    "%PDF\r\n--Xy not the boundary\r\n\r\n"
    "--XyZ--\r\n";

TEST(MultipartTest, ReadsFieldsAndFilesInOrder) {
  auto form = ParseMultipart(kBody, "XyZ");
  ASSERT_TRUE(form);
  ASSERT_EQ(form->parts.size(), 2u);
  EXPECT_EQ(form->Value("csrf_token"), "abc123");
  EXPECT_FALSE(form->parts[0].filename);
  const auto* file = form->Find("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, std::optional<std::string>("minutes.pdf"));
  EXPECT_EQ(file->content_type, "application/pdf");
  // Data that looks like a delimiter but is not one stays data, CRLFs included.
  EXPECT_EQ(file->data, "%PDF\r\n--Xy not the boundary\r\n");
  EXPECT_EQ(form->Find("missing"), nullptr);
  EXPECT_EQ(form->Value("missing"), "");
}

TEST(MultipartTest, AllowsPreambleEmptyFileAndEpilogue) {
  auto form = ParseMultipart(
      "ignored preamble\r\n--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\nepilogue",
      "b");
  ASSERT_TRUE(form);
  ASSERT_EQ(form->parts.size(), 1u);
  EXPECT_EQ(form->parts[0].filename, std::optional<std::string>(""));
  EXPECT_EQ(form->parts[0].data, "");
}

TEST(MultipartTest, RefusesMalformedBodies) {
  EXPECT_FALSE(ParseMultipart("", "b"));
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", "b"))
      << "no closing delimiter";
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Disposition: form-data; name=\"a\"\r\nx--b--", "b"))
      << "no blank line after the headers";
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "b"))
      << "a part without a name";
  EXPECT_FALSE(
      ParseMultipart("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--", "b"));
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Disposition: form-data; name=\"" +
                                  std::string(2000, 'a') + "\"\r\n\r\nx\r\n--b--",
                              "b"));
  std::string many;
  for (int i = 0; i < 5; ++i)
    many += "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n";
  EXPECT_TRUE(ParseMultipart(many + "--b--", "b", 5));
  EXPECT_FALSE(ParseMultipart(many + "--b--", "b", 4));
}

TEST(MultipartTest, FindsTheBoundaryOfFormDataOnly) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=----WebKitFormBoundaryA1"),
            std::optional<std::string>("----WebKitFormBoundaryA1"));
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""),
            std::optional<std::string>("a b"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data"));
  EXPECT_FALSE(MultipartBoundary("multipart/mixed; boundary=x"));
  EXPECT_FALSE(MultipartBoundary("application/x-www-form-urlencoded"));
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')));
}

}  // namespace
}  // namespace tpmkit::server
