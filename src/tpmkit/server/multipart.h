// HTML form uploads (multipart/form-data, RFC 7578): the body is split at a boundary the
// Content-Type names, each part a form field with a Content-Disposition naming it (and
// the file's name for a file input). The web app's file forms (audit evidence, program
// files) arrive this way, their CSRF token as the csrf_token field.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/server/http_server.h"

namespace tpmkit::server {

struct MultipartPart {
  std::string name;                     // the field's name
  std::optional<std::string> filename;  // set for a file input ("" when none was chosen)
  std::string content_type;             // the part's Content-Type, "" when absent
  std::string data;                     // the bytes, as sent
};

struct MultipartForm {
  std::vector<MultipartPart> parts;  // in order
  // The first part named `name`; nullptr when absent.
  const MultipartPart* Find(std::string_view name) const;
  // The data of the first part named `name`, "" when absent.
  std::string Value(std::string_view name) const;
};

// The boundary of a multipart/form-data Content-Type ("multipart/form-data;
// boundary=XYZ", quoted or not); nullopt for another type or a missing or overlong
// boundary (RFC 2046: 1..70 characters).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// Whether the request's Content-Type is multipart/form-data with a boundary.
bool IsMultipartPost(const HttpRequest& request);

// Parses a body sent with `boundary`. nullopt when it is not well formed: no opening or
// closing delimiter, a part without a blank line after its headers or without a
// form-data Content-Disposition naming it, a header line over 1 KiB, or more than
// `max_parts` parts. Linear in the body.
std::optional<MultipartForm> ParseMultipart(std::string_view body, std::string_view boundary,
                                            size_t max_parts = 64);

}  // namespace tpmkit::server
