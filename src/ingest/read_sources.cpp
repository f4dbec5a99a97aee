// Reading SOURCEs: `KIND:` prefixes, content detection through the registry, and case folders (any folder
// no ingester claims: each child is a source of its own, sub-folders walked the same way).
#include <filesystem>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/detect.hpp"
#include "io/folder_tree.hpp"
#include "io/open_input.hpp"
#include "retro/error.hpp"
#include "retro/ingest.hpp"

namespace retro {

namespace {

struct Walk {
    const IngestContext& context;
    std::size_t recognised = 0;
    std::size_t unrecognised = 0;
    std::string case_root;  // the resolved path of the case folder named on the command line
};

// Tells the progress line how many bytes a stream source has yielded, and that it ended.
class CountedStream final : public ByteStream {
public:
    CountedStream(std::unique_ptr<ByteStream> inner, Progress& progress)
        : m_inner(std::move(inner)), m_progress(progress) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = m_inner->read(buffer, size);
        if (n > 0 || !m_ended) m_progress.advance(n, n > 0 ? 0 : 1);
        m_ended = n == 0;
        return n;
    }
    std::string damage() const override { return m_inner->damage(); }

private:
    std::unique_ptr<ByteStream> m_inner;
    Progress& m_progress;
    bool m_ended = false;
};

Input open_source(const std::string& path, const IngestContext& context) {
    Input input = io::open_input(path);
    if (context.progress && input.stream) {
        context.progress->advance(input.head.size(), 0);
        input.stream = std::make_unique<CountedStream>(std::move(input.stream), *context.progress);
    }
    return input;
}

}  // namespace

const Ingester* detect_ingester(const Input& input) {
    Probe probe{input.name, input.head, input.tree.get(), input.path};
    const Ingester* best = nullptr;
    int best_score = 0;
    for (const auto& row : ingesters()) {
        const Ingester* candidate = &row;
        int score = 0;
        if (row.detect) {
            score = row.detect(probe);
        } else if (row.detect_family) {
            const Detection member = row.detect_family(probe);
            candidate = find_ingester(member.kind);
            score = member.score;
        }
        if (candidate && score > best_score) {  // ties keep the earlier row
            best = candidate;
            best_score = score;
        }
        // A sure claim cannot be beaten (ties keep the earlier row): the rows after it are not asked, so a
        // git working tree claimed by its `.git` is never listed whole by the folder detectors.
        if (best_score >= 100) break;
    }
    return best;
}

namespace {

// What the tree itself could not give (entries refused for their names, an archive cut short), said once
// for whatever ingester read it, or none.
void report_tree_damage(const Input& input, Diagnostics& diags) {
    if (!input.tree) return;
    for (const std::string& name : input.tree->refused_entries())
        diags.error("ingest.unsafe-entry", {input.name},
                    fmt::format("entry \"{}\" refused: its name leads outside the archive", repair_utf8(name)));
    if (std::string damage = input.tree->damage(); !damage.empty())
        diags.error("ingest.truncated", {input.name}, damage);
}

bool is_empty_stream(const Input& input) {
    if (input.tree) return false;
    for (char c : input.head)
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return false;
    return true;
}

void read_path(Walk& walk, const std::string& path, bool inside_case_folder);

// One diagnostic for a child of a case folder that is not read, naming it (docs/diagnostics: codes).
void report_skipped(const io::Child& child, Diagnostics& diags) {
    const Location where{repair_utf8(child.path)};
    const std::string detail = repair_utf8(child.detail);
    switch (child.skip) {
        case io::Child::Skip::none: return;
        case io::Child::Skip::hidden: diags.note("ingest.hidden-skipped", where, "hidden entry skipped"); return;
        case io::Child::Skip::dangling_link:
            diags.warning("ingest.dangling-link", where, fmt::format("symbolic link to {}, which does not exist; skipped", detail));
            return;
        case io::Child::Skip::link_loop:
            diags.warning("ingest.link-loop", where, fmt::format("symbolic link loop (to {}); skipped", detail));
            return;
        case io::Child::Skip::link_not_followed:
            diags.warning("ingest.link-not-followed", where,
                          fmt::format("symbolic link to {}; not followed", detail));
            return;
        case io::Child::Skip::not_a_file:
            diags.warning("ingest.not-a-file", where, fmt::format("{}, not a file; skipped", detail));
            return;
        case io::Child::Skip::unreadable:
            diags.error("ingest.unreadable", where, fmt::format("cannot read: {}; skipped", detail));
            return;
    }
}

void read_case_folder(Walk& walk, const std::string& path) {
    for (const io::Child& child : io::list_children(path, walk.case_root)) {
        if (child.skip != io::Child::Skip::none) {
            report_skipped(child, walk.context.diags);
            continue;
        }
        if (std::filesystem::path(child.path).filename() == "retro.toml") continue;
        read_path(walk, child.path, true);
    }
}

void read_input(Walk& walk, Input& input, bool inside_case_folder) {
    if (inside_case_folder && is_skipped_in_case_folder(input.head)) return;  // our own draft or README
    if (is_empty_stream(input)) {
        walk.context.diags.warning("ingest.empty", {input.name}, "empty input; nothing to read");
        ++walk.recognised;
        return;
    }
    const Ingester* ingester = detect_ingester(input);
    if (ingester) {
        ++walk.recognised;
        ingester->ingest(input, walk.context);
        report_tree_damage(input, walk.context.diags);
        return;
    }
    if (input.tree && !input.path.empty() && io::is_directory(input.path)) {
        if (!inside_case_folder) {
            std::error_code ec;
            walk.case_root = std::filesystem::canonical(input.path, ec).string();
        }
        read_case_folder(walk, input.path);
        return;
    }
    ++walk.unrecognised;
    walk.context.diags.warning("ingest.unknown-format", {input.name},
                               "not a format retro reads; skipped (a KIND: prefix forces one)");
    report_tree_damage(input, walk.context.diags);
}

void read_path(Walk& walk, const std::string& path, bool inside_case_folder) {
    Input input = open_source(path, walk.context);
    read_input(walk, input, inside_case_folder);
}

}  // namespace

SourceSpec parse_source_spec(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon != std::string_view::npos && colon > 0) {
        const std::string_view kind = text.substr(0, colon);
        if (find_ingester(kind)) return {std::string(kind), std::string(text.substr(colon + 1))};
    }
    return {"", std::string(text)};
}

namespace {

// The bytes of the sources that are regular files (a folder's or stdin's are not known up front).
std::uint64_t file_bytes(const std::vector<std::string>& sources) {
    std::uint64_t total = 0;
    for (const auto& text : sources) {
        std::error_code ec;
        const std::filesystem::path path = parse_source_spec(text).path;
        if (path != "-" && std::filesystem::is_regular_file(path, ec)) {
            const std::uintmax_t size = std::filesystem::file_size(path, ec);
            if (!ec) total += size;
        }
    }
    return total;
}

}  // namespace

void read_sources(const std::vector<std::string>& sources, const IngestContext& context) {
    Walk walk{context};
    if (const std::uint64_t bytes = file_bytes(sources)) context.sink.expect_input(bytes);
    for (const auto& text : sources) {
        const SourceSpec spec = parse_source_spec(text);
        if (spec.path.empty()) throw Error(fmt::format("{}: no path after the kind", text));
        Input input = open_source(spec.path, context);
        if (!spec.kind.empty()) {
            ++walk.recognised;
            find_ingester(spec.kind)->ingest(input, context);
            report_tree_damage(input, context.diags);
            continue;
        }
        read_input(walk, input, false);
    }
    if (walk.recognised == 0 && walk.unrecognised > 0)
        throw Error("no recognisable source: nothing to read (see the warnings above)");
}

}  // namespace retro
