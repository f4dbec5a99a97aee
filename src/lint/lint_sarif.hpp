// The parts of `retro lint --format sarif` (lint_output.hpp's format_sarif) that tools rely on: where a
// rule's help is, a finding's stable fingerprint, and the URI of a file as GitHub code scanning maps it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.hpp"
#include "lint/rule.hpp"

namespace retro::lint {

// `RETRO_DOCS_URL/lint.md#retro007-day-heading`: the rule's section of docs/lint.md. RETRO_DOCS_URL is set
// at build time (CMake cache variable of that name); by default the .deb's copy, file:///usr/share/doc/retro.
std::string rule_help_uri(const Rule& rule);

// `0123456789abcdef:1`: FNV-1a 64 of the rule id and the finding's line with its white space collapsed, and
// the finding's rank among those of its file with the same hash. Moving a finding's line up or down the
// file keeps it; editing the line changes it. Empty for a finding of the file as a whole (line 0).
std::vector<std::string> line_fingerprints(const std::vector<Finding>& findings);

// The artifact URI of `path` as given on the command line: relative to `cwd` when it lies below it
// (`retros/x.md`, as code scanning resolves against the checkout), else an absolute `file://` URI;
// percent-encoded as RFC 3986 asks.
std::string artifact_uri(std::string_view path, const std::filesystem::path& cwd);

}  // namespace retro::lint
