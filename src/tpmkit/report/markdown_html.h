// The Markdown the reports write (the decision memo, the escalation), as HTML for a page:
// only the parts those documents use, every character of the text escaped, so a title or
// a note typed by a user can never become markup.
#pragma once

#include <string>

namespace tpmkit::report {

// Block by block: "#" headings (level + `heading_shift`, at most 6), "- " list items,
// "|" table rows (the "|---|" line makes the row above it the header; ":" alignment is
// left to the style sheet), blank-line separated paragraphs. Inline: **bold** and `code`;
// an unpaired marker stays as it is. Anything else is text. O(length).
std::string MarkdownHtml(const std::string& markdown, int heading_shift = 0);

}  // namespace tpmkit::report
