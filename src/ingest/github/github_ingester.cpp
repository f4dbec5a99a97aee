// The `github` ingester: frames JSON records (one document, an array, NDJSON of either), sends every
// object (every element of a top-level array, or of arrays of arrays; every run of a `workflow_runs` page)
// to the reader of its shape, and reports objects of no GitHub shape once per input, at the first of them.
#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/github/github_records.hpp"
#include "ingest/record_batch_reader.hpp"
#include "ingest/registry_rows.hpp"
#include "io/json_records.hpp"

namespace retro::ingest::github {

Shape shape_of(json::Element v) {
    if (!v.is_object()) return Shape::none;
    const auto has = [&](std::string_view key) { return has_key(v, key); };
    const auto has_any = [&](std::initializer_list<std::string_view> keys) {
        for (std::string_view key : keys)
            if (has(key)) return true;
        return false;
    };
    if (json::array_member(v, "workflow_runs")) return Shape::run_list;
    if (has("deployment_url") && has("state")) return Shape::deployment_status;
    if (has("environment") && (has("statuses_url") || (has("sha") && has("ref") && has("task"))))
        return Shape::deployment;
    if (has("number") && has("base") && has("head")) return Shape::rest_pull;
    if (has("workflow_id") || (has("run_number") && has("head_sha"))) return Shape::rest_run;
    if (has("databaseId") &&
        has_any({"workflowName", "workflowDatabaseId", "headSha", "headBranch", "conclusion", "displayTitle"}))
        return Shape::gh_run;
    if ((has("tag_name") && has_any({"published_at", "tarball_url", "assets"})) ||
        (has("tagName") && has_any({"publishedAt", "isDraft"})))
        return Shape::release;
    if (has_any({"mergedAt", "mergedBy", "baseRefName", "headRefName", "mergeCommit", "headRefOid"}))
        return Shape::gh_pull;
    if (has("number") && json::string_member(v, "url").value_or("").find("/pull/") != std::string_view::npos)
        return Shape::gh_pull;
    return Shape::none;
}

namespace {

// Objects of no GitHub shape in one batch, or in the whole input once batches are merged.
struct UnknownObjects {
    std::uint64_t count = 0;
    Location first;
    void merge(UnknownObjects&& later) {
        if (count == 0) first = std::move(later.first);
        count += later.count;
    }
};

// Parses framed records on one worker thread (RecordBatchReader's Worker).
class GithubRecordParser {
public:
    explicit GithubRecordParser(const IngestOptions& options) : m_options(&options) {}

    // Invalid JSON is a `github.bad-json` error at its first bad byte; the record is skipped.
    void parse(std::string_view bytes, const Origin& origin, Diagnostics& diags, EventSink& sink) {
        auto root = m_parser.parse(bytes, origin, diags, "github.bad-json");
        if (!root) return sink.drop("damaged record");
        AlertContext ctx{*m_options, diags, sink, *m_embedded};
        dispatch(*root, JsonText(bytes, origin), "", ctx);
    }

    UnknownObjects take_extra() { return std::exchange(m_unknown, {}); }

private:
    // An array is a list of records: `gh pr list` prints one, `gh api --paginate --slurp` an array of pages.
    void dispatch(json::Element value, const JsonText& text, const std::string& path, AlertContext& ctx) {
        if (json::Array items; !value.get(items)) {
            std::size_t i = 0;
            for (json::Element item : items) dispatch(item, text, alerts::element_path(path, i++), ctx);
            return;
        }
        switch (shape_of(value)) {
            case Shape::gh_pull: return read_gh_pull(value, text, path, ctx);
            case Shape::rest_pull: return read_rest_pull(value, text, path, ctx);
            case Shape::deployment_status: return read_deployment_status(value, text, path, ctx);
            case Shape::deployment: return read_deployment(value, text, path, ctx);
            case Shape::rest_run: return read_rest_run(value, text, path, ctx);
            case Shape::gh_run: return read_gh_run(value, text, path, ctx);
            case Shape::release: return read_release(value, text, path, ctx);
            case Shape::run_list: return read_run_list(value, text, path, ctx);
            case Shape::none: break;
        }
        if (m_unknown.count++ == 0) {
            std::string suffix;
            m_unknown.first = text.at_path(path, suffix);
        }
    }

    // A page of runs: every element is a run, whatever keys an old payload lacks.
    void read_run_list(json::Element page, const JsonText& text, const std::string& path, AlertContext& ctx) {
        const std::string runs_path = alerts::member_path(path, "workflow_runs");
        std::size_t i = 0;
        // Held here: ranging over `*array_member(…)` would range over a temporary gone before the loop.
        const auto runs = json::array_member(page, "workflow_runs");
        if (!runs) return;
        for (json::Element run : *runs) {
            const std::string run_path = alerts::element_path(runs_path, i++);
            if (run.is_object())
                read_rest_run(run, text, run_path, ctx);
            else
                dispatch(run, text, run_path, ctx);
        }
    }

    const IngestOptions* m_options;
    json::DomParser m_parser;
    std::unique_ptr<alerts::EmbeddedParsers> m_embedded = std::make_unique<alerts::EmbeddedParsers>();
    UnknownObjects m_unknown;
};

void ingest_github(Input& input, const IngestContext& context) {
    std::vector<GithubRecordParser> parsers;
    for (std::size_t i = 0, n = worker_count(); i < n; ++i) parsers.emplace_back(context.options);
    UnknownObjects unknown;
    RecordBatchReader<GithubRecordParser> batches(context, parsers, std::size_t{1} << 20,
                                                  [&](UnknownObjects&& later) { unknown.merge(std::move(later)); });
    batches.read(input);
    if (unknown.count == 0) return;
    context.diags.warning("github.unknown-shape", unknown.first,
                          fmt::format("no GitHub pull request, deployment, workflow run or release: {} skipped "
                                      "(first here)",
                                      unknown.count == 1 ? std::string("1 object")
                                                         : fmt::format("{} objects", unknown.count)));
    context.sink.drop("github: unrecognised shape", unknown.count);
}

// A head whose first record is cut off (one large document): a GitHub url and a key only these forms have.
int detect_markers(std::string_view head) {
    if (head.find("github.com/") == std::string_view::npos) return 0;
    for (std::string_view marker : {R"("workflow_runs")", R"("merged_at")", R"("deployment_url")",
                                    R"("statuses_url")", R"("mergedAt")", R"("databaseId")", R"("tag_name")"})
        if (head.find(marker) != std::string_view::npos) return 60;
    return 0;
}

// 80 when the first object of the head has a GitHub shape.
int detect_github(const Probe& probe) {
    if (probe.tree) return 0;
    std::string_view head = probe.head;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    const std::string_view start = trim(head.substr(0, 4096));
    if (start.empty() || (start.front() != '{' && start.front() != '[')) return 0;
    Diagnostics quiet([](const std::string&) {});
    io::JsonRecordReader reader(std::string(probe.name), head, nullptr, head.size() + 1, quiet);
    io::JsonRecord record;
    if (!reader.next(record)) return detect_markers(head);
    json::DomParser parser;
    auto root = parser.parse(record.bytes, record.origin, quiet, "github.bad-json");
    if (!root) return detect_markers(head);
    // The first object, inside arrays (of pages) as dispatch reads them.
    json::Element first = *root;
    for (json::Array items; !first.get(items);) {
        if (items.begin() == items.end()) return 0;
        first = *items.begin();
    }
    return shape_of(first) == Shape::none ? 0 : 80;
}

}  // namespace
}  // namespace retro::ingest::github

namespace retro::ingest {

const Ingester github_ingester{github::kind, github::detect_github, github::ingest_github};

}  // namespace retro::ingest
