// Applying a document from the browser: a program file (YAML), MS Project XML or a Jira
// CSV export, uploaded as a file or pasted, stored by app::ApplyDocument as the API's
// POST /api/v1/programs (a new program, for admins) and PUT /api/v1/programs/{id} (over
// an existing one, for its editors, with the version the form was loaded at) store it.
// A document the readers refuse comes back with each diagnostic at its line and column
// and the document in the text box, so that nothing uploaded or typed is lost.
#include <fmt/format.h>

#include "tpmkit/app/program_cases.h"
#include "tpmkit/report/program_text.h"
#include "tpmkit/server/multipart.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

struct Format {
  const char* value;
  const char* label;
};
constexpr Format kFormats[] = {
    {"yaml", "Program file (YAML or JSON)"},
    {"mspdi", "MS Project XML"},
    {"jira", "Jira CSV export"},
};

struct ImportState {
  std::string format = "yaml";
  std::string text;
  std::map<std::string, std::string> errors;
  std::vector<Diagnostic> diagnostics;
  std::string problem;
};

std::string ImportPath(const Call& call) {
  return call.Program().empty() ? "/import"
                                : fmt::format("/programs/{}/import", QueryEncode(call.Program()));
}

// "line 12, column 5: ..." for a diagnostic; the parts that are known.
std::string Located(const Diagnostic& d) {
  if (d.line > 0 && d.column > 0)
    return fmt::format("line {}, column {}: {}", d.line, d.column, d.message);
  if (d.line > 0) return fmt::format("line {}: {}", d.line, d.message);
  return d.message;
}

HttpResponse ImportPage(Call& call, const ImportState& state, http::status status) {
  std::optional<ProgramFrame> frame;
  std::string version;
  if (!call.Program().empty()) {
    call.version.expected.reset();
    auto header = ProgramHeader(call);
    if (!header.ok()) return ErrorPage(call, header.error());
    frame = std::move(*header);
    // The version the form is loaded at: ProgramHeader read the program (app::Portfolio).
    version = call.version.current;
  }
  auto formats = nlohmann::json::array();
  for (const auto& f : kFormats) {
    formats.push_back(
        {{"value", f.value}, {"label", f.label}, {"selected", state.format == f.value}});
  }
  auto diagnostics = nlohmann::json::array();
  for (const auto& d : state.diagnostics) diagnostics.push_back(Located(d));
  const auto error = [&](const char* name) {
    auto it = state.errors.find(name);
    return it == state.errors.end() ? std::string() : it->second;
  };
  const nlohmann::json view = {{"program_id", call.Program()},
                               {"new_program", call.Program().empty()},
                               {"action", ImportPath(call)},
                               {"csrf_token", call.who->csrf_token},
                               {"version", version},
                               {"formats", formats},
                               {"text", state.text},
                               {"text_error", error("text")},
                               {"file_error", error("file")},
                               {"diagnostics", diagnostics},
                               {"has_diagnostics", !diagnostics.empty()},
                               {"problem", state.problem}};
  return Page(call,
              {.title = call.Program().empty() ? "Import a program" : "Import into the program",
               .section = call.Program().empty() ? "import" : "",
               .program = std::move(frame)},
              "import", view, status);
}

}  // namespace

HttpResponse ImportForm(Call& call) { return ImportPage(call, {}, http::status::ok); }

HttpResponse ImportSubmit(Call& call) {
  const auto boundary = MultipartBoundary(call.request[http::field::content_type]);
  auto form = boundary ? ParseMultipart(call.request.body(), *boundary) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a file form",
                       "Send the document with the import form.");
  }
  ImportState state;
  state.format = form->Value("format");
  state.text = form->Value("text");
  std::string name = "the pasted text";
  if (const auto* file = form->Find("file"); file && file->filename && !file->filename->empty()) {
    if (file->data.empty()) {
      state.errors["file"] = "This file is empty: choose the document itself.";
    } else {
      // The file wins over the text box, and fills it, so that a refused file can be
      // corrected on the page.
      state.text = file->data;
      name = *file->filename;
    }
  }
  if (state.text.empty() && state.errors.empty()) {
    state.errors["text"] = "Choose a file or paste the document.";
  }
  if (!state.errors.empty()) {
    state.problem = "Nothing was imported: correct the fields marked below.";
    return ImportPage(call, state, http::status::unprocessable_entity);
  }
  if (call.Program().empty()) {
    // A new program has no version yet: one that exists makes the write stale.
    call.version.expected = "";
  } else {
    call.version.expected = form->Value("version");
  }
  auto r = app::ApplyDocument(call.env, {state.text, name, state.format, call.Program()});
  if (r.ok()) {
    const report::StoredProgram stored{r->applied.program, r->applied.created, r->applied.changed};
    auto warnings = nlohmann::json::array();
    for (const auto& w : r->warnings) warnings.push_back(Located(w));
    const nlohmann::json view = {{"stored", report::ApplyText(stored)},
                                 {"program_id", r->applied.program},
                                 {"warnings", warnings},
                                 {"has_warnings", !warnings.empty()}};
    return Page(call, {.title = "Imported"}, "imported", view,
                r->applied.created ? http::status::created : http::status::ok);
  }
  const Error& e = r.error();
  switch (e.code) {
    case ErrorCode::kStale:
      state.problem = call.Program().empty()
                          ? "A program with this id exists already: import into it from its "
                            "own import page."
                          : StaleFormProblem(call);
      return ImportPage(
          call, state,
          call.Program().empty() ? http::status::conflict : http::status::precondition_failed);
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUsage:
    case ErrorCode::kConflict:
      state.problem = "Nothing was imported: " + e.message;
      state.diagnostics = e.diagnostics;
      return ImportPage(call, state, http::status::unprocessable_entity);
    default:
      return ErrorPage(call, e);
  }
}

}  // namespace tpmkit::server::web::pages
