// Argo CD's Application resource (argoproj.io/v1alpha1; argo-cd pkg/apis/application/v1alpha1 types.go):
// `status.history` is RevisionHistory[] (`id`, `revision` or multi-source `revisions`, `deployedAt`,
// `deployStartedAt`, `source`/`sources`, and since 2.9 `initiatedBy`); `status.operationState` is the
// last or current sync (`phase`, `startedAt`, `finishedAt`, `message`, `operation.initiatedBy`,
// `operation.sync.revision`, `syncResult.revision`). The field map is docs/sources/argocd.md.
#include "ingest/argocd/argocd_application.hpp"

#include <fmt/format.h>

#include "ingest/changes/change_event.hpp"
#include "ingest/kubernetes/yaml_tree.hpp"

namespace retro::ingest::argocd {
namespace {

using kubernetes::YamlNode;

constexpr std::string_view kind = "argocd";

// The first element of the sequence `key` of `obj`, or nullptr.
const YamlNode* first_of(const YamlNode& obj, std::string_view key) {
    const YamlNode* seq = obj.find(key);
    return seq && seq->type == YamlNode::Type::sequence && !seq->items.empty() ? &seq->items.front() : nullptr;
}

// The revision of a history entry or sync: `revision`, or the first of a multi-source `revisions`.
std::string_view revision_of(const YamlNode& obj) {
    if (const std::string_view r = obj.text({"revision"}); !r.empty()) return r;
    const YamlNode* first = first_of(obj, "revisions");
    return first && first->is_scalar() ? std::string_view(first->scalar) : std::string_view();
}

// `source.repoURL`, or the first of a multi-source `sources`.
std::string_view repo_url_of(const YamlNode& obj) {
    if (const std::string_view url = obj.text({"source", "repoURL"}); !url.empty()) return url;
    const YamlNode* first = first_of(obj, "sources");
    return first ? first->text({"repoURL"}) : std::string_view();
}

bool is_commit(std::string_view s) {
    return s.size() == 40 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// What every event of one Application shares.
struct Application {
    const YamlNode* node = nullptr;
    std::string repo;                     // `namespace/name` of the Application resource
    std::string environment;              // the destination namespace, else its server or cluster name
    std::string_view url;                 // spec.source.repoURL
    const YamlNode* operation = nullptr;  // status.operationState
};

class ApplicationReader {
public:
    ApplicationReader(const Origin& origin, const IngestContext& ctx) : m_origin(origin), m_ctx(ctx) {}

    void read(const YamlNode& node) {
        if (!node.is_map() || node.text({"kind"}) != "Application")
            return m_ctx.sink.drop("argocd: not an Application");
        Application app;
        app.node = &node;
        const std::string_view name = node.text({"metadata", "name"});
        const std::string_view ns = node.text({"metadata", "namespace"});
        app.repo = changes::one_line(ns.empty() ? std::string(name) : fmt::format("{}/{}", ns, name));
        const YamlNode* destination = node.at({"spec", "destination"});
        for (const std::string_view key : {"namespace", "server", "name"}) {
            if (destination && app.environment.empty()) app.environment = changes::one_line(destination->text({key}));
        }
        if (const YamlNode* spec = node.find("spec")) app.url = repo_url_of(*spec);
        app.operation = node.at({"status", "operationState"});
        if (const YamlNode* history = node.at({"status", "history"})) {
            if (history->type == YamlNode::Type::sequence) {
                for (const YamlNode& entry : history->items) read_history(app, entry);
            } else if (history->type != YamlNode::Type::null) {
                m_ctx.diags.error("argocd.bad-field", kubernetes::node_location(m_origin, *history),
                                  "`status.history` is not a list; the Application's deploys are skipped");
                m_ctx.sink.drop("argocd: damaged history");
            }
        }
        if (app.operation && app.operation->is_map()) read_operation(app);
    }

private:
    changes::ChangeRecord record(const Application& app, ChangeAction action, std::string_view revision,
                                 std::string_view url) const {
        changes::ChangeRecord c;
        c.change.system = std::string(kind);
        c.change.repo = app.repo;
        c.change.action = action;
        c.change.ref = changes::one_line(revision);
        if (is_commit(revision)) c.change.commit = std::string(revision);
        c.change.environment = app.environment;
        c.change.url = changes::one_line(url.empty() ? app.url : url);
        return c;
    }

    void emit(changes::ChangeRecord c, const YamlNode& at) {
        c.native_id = changes::one_line(c.native_id);
        c.actor.id = changes::one_line(c.actor.id);
        m_ctx.sink.add(
            changes::change_event(kind, m_origin, kubernetes::node_location(m_origin, at).line, std::move(c)));
    }

    // Who started the sync that wrote `entry`: its own `initiatedBy` when it has one (Argo CD 2.9+), else
    // the operation's when the operation is that sync (same revision, same start). An automated sync names
    // nobody.
    std::string_view initiator(const Application& app, const YamlNode& entry) const {
        if (const YamlNode* by = entry.find("initiatedBy")) return by->text({"username"});
        if (!app.operation) return {};
        const YamlNode* sync = app.operation->at({"syncResult"});
        const bool same = sync && revision_of(*sync) == revision_of(entry) &&
                          app.operation->text({"startedAt"}) == entry.text({"deployStartedAt"});
        return same ? app.operation->text({"operation", "initiatedBy", "username"}) : std::string_view();
    }

    void read_history(const Application& app, const YamlNode& entry) {
        if (!entry.is_map()) {
            m_ctx.diags.error("argocd.bad-field", kubernetes::node_location(m_origin, entry),
                              "a `status.history` entry is not a map; skipped");
            return m_ctx.sink.drop("argocd: damaged history entry");
        }
        bool bad = false;
        std::string raw;
        auto time = kubernetes::read_time(entry, "deployedAt", m_origin, m_ctx.diags, kind, bad);
        raw = entry.text({"deployedAt"});
        if (!time && !bad) {
            time = kubernetes::read_time(entry, "deployStartedAt", m_origin, m_ctx.diags, kind, bad);
            raw = entry.text({"deployStartedAt"});
        }
        if (bad) return m_ctx.sink.drop("argocd: bad time");
        if (!time) return m_ctx.sink.drop("argocd: history entry without a time");
        const std::string_view revision = revision_of(entry);
        auto c = record(app, ChangeAction::deployed, revision, repo_url_of(entry));
        const std::string_view id = entry.text({"id"});
        c.native_id = fmt::format("{}/history/{}", app.repo, id.empty() ? raw : std::string(id));
        c.time = *time;
        c.time_raw = std::move(raw);
        c.actor.id = initiator(app, entry);
        emit(std::move(c), entry);
    }

    // A finished sync that succeeded is already a history entry; a failed one or a running one is not.
    void read_operation(const Application& app) {
        const YamlNode& op = *app.operation;
        const std::string_view phase = op.text({"phase"});
        const bool failed = phase == "Failed" || phase == "Error";
        if (!failed && phase != "Running") return;
        bool bad = false;
        std::optional<Instant> time;
        std::string raw;
        const std::string_view first = failed ? "finishedAt" : "startedAt";
        for (const std::string_view key : {first, std::string_view("startedAt")}) {
            if (time || bad) break;
            time = kubernetes::read_time(op, key, m_origin, m_ctx.diags, kind, bad);
            raw = op.text({key});
        }
        if (bad) return m_ctx.sink.drop("argocd: bad time");
        if (!time) return m_ctx.sink.drop("argocd: operation without a time");
        std::string_view revision = op.text({"operation", "sync", "revision"});
        if (const YamlNode* result = op.find("syncResult"); revision.empty() && result) revision = revision_of(*result);
        auto c = record(app, failed ? ChangeAction::deploy_failed : ChangeAction::deploy_started, revision, {});
        c.native_id = fmt::format("{}/operation/{}", app.repo, op.text({"startedAt"}));
        c.time = *time;
        c.time_raw = std::move(raw);
        c.actor.id = op.text({"operation", "initiatedBy", "username"});
        c.title = op.text({"message"});
        emit(std::move(c), op);
    }

    const Origin& m_origin;
    const IngestContext& m_ctx;
};

}  // namespace

void parse_argocd_applications(std::string_view bytes, const Origin& origin, const IngestContext& context) {
    ApplicationReader reader(origin, context);
    const std::size_t damaged =
        kubernetes::read_yaml_documents(bytes, origin, context.diags, kind, [&](const kubernetes::YamlDocument& doc) {
            for (const YamlNode* item : kubernetes::resource_items(doc.root)) reader.read(*item);
        });
    if (damaged) context.sink.drop("argocd: damaged YAML document", damaged);
}

}  // namespace retro::ingest::argocd
