// Running the JSON change ingesters (gitlab, buildkite) in tests: on bytes with a forced kind (as
// `KIND:<stdin>` would be read), and whether a family's detection claims a file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "alerts_test_support.hpp"
#include <fmt/format.h>

#include "io/open_input.hpp"

namespace retro::test {

// Reads `bytes` named `name` with the registry row `kind`.
inline AlertRun run_kind(std::string_view bytes, std::string_view kind, std::string name = "in.json") {
    auto diags = quiet_diagnostics();
    ingest::EventCollector sink;
    IngestOptions options;
    Input input;
    input.name = std::move(name);
    input.head = std::string(bytes);
    find_ingester(kind)->ingest(input, {options, diags, sink});
    return collect(sink, diags);
}

// The score the row `kind` gives the file at `path`.
inline int detect_score(const std::string& path, std::string_view kind) {
    const Input input = io::open_input(path);
    return find_ingester(kind)->detect(Probe{input.name, input.head, input.tree.get()});
}

// Corpus files outside `own` (a folder name such as `/gitlab/`) under alerts/, slack/ and third-party/
// that the row `kind` claims: none should be.
inline std::vector<std::string> foreign_files_claimed(std::string_view kind, std::string_view own) {
    std::vector<std::string> claimed;
    for (std::string_view dir : {"alerts", "slack", "third-party"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus_path(dir))) {
            const std::string path = entry.path().string();
            if (!entry.is_regular_file() || path.find(own) != std::string::npos) continue;
            if (detect_score(path, kind) != 0) claimed.push_back(path);
        }
    }
    return claimed;
}

// The score of each file of the corpus folder `dir` (`third-party/gitlab`).
inline std::vector<int> own_scores(std::string_view kind, std::string_view dir) {
    std::vector<int> scores;
    for (const auto& entry : std::filesystem::directory_iterator(corpus_path(dir)))
        scores.push_back(detect_score(entry.path().string(), kind));
    return scores;
}

inline std::vector<std::string> texts_of(const AlertRun& run) {
    std::vector<std::string> out;
    for (const auto& e : run.events) out.push_back(e.text);
    return out;
}

}  // namespace retro::test
