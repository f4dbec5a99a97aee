// A Teams message body in HTML (`body.contentType` `html`) as plain text with spans, read by gumbo, the
// HTML5 parser (libgumbo-dev): never by pattern matching on tags (docs/sources/teams.md "Bodies").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/teams/body_text.hpp"

namespace retro::ingest::teams {

// A file the message carries (`attachments[]`), as a line of its own: `file: NAME`.
struct FileRef {
    std::string id;
    std::string name;  // the file name, else the last segment of its URL
    std::string url;   // an https URL a person can open (SharePoint, OneDrive), else ""
};

// A person or bot the body mentions (`mentions[]`): the `<at id>` it is written as, and its name.
struct MentionRef {
    std::string id;
    std::string text;
};

// What the body refers to outside itself.
struct BodyRefs {
    const std::vector<FileRef>& files;
    const std::vector<MentionRef>& mentions;
};

// Appends `html` to `out`: `<p>`, `<div>`, `<br>`, `<li>`… end lines; `<a href>` is a link span (its URL as
// text when it has none); `<at id>` is `@Name`, a mention span; `<emoji alt>` its alt text; `<img>` an
// `image` line (its https URL when it is not Teams' hosted content, which needs a Graph token);
// `<attachment id>` the `file:` line of that attachment, whose index in `refs.files` is added to `used`;
// `<pre>`, `<code>`, `<b>`, `<i>` spans; entities decoded. Bodies past 64 KiB are read to that size.
void append_html(std::string_view html, const BodyRefs& refs, BodyBuilder& out, std::vector<std::size_t>& used);

// Where append_html stops reading.
inline constexpr std::size_t max_html_bytes = 64 * 1024;

}  // namespace retro::ingest::teams
