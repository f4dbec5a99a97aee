// Argo CD Applications: history entries as deploys, the operation's failure or run, damage, detection, and
// every real sample.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "alerts_test_support.hpp"
#include "ingest/argocd/argocd_application.hpp"

using namespace retro;

namespace {

test::AlertRun run_argocd(std::string_view bytes, std::string name = "app.yaml") {
    auto diags = test::quiet_diagnostics();
    ingest::EventCollector sink;
    IngestOptions options;
    ingest::argocd::parse_argocd_applications(bytes, Origin{name}, {options, diags, sink});
    return test::collect(sink, diags);
}

std::vector<std::string> texts(const test::AlertRun& run) {
    std::vector<std::string> out;
    for (const Event& e : run.events) out.push_back(e.text);
    return out;
}

constexpr std::string_view app_head = R"(apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: api
  namespace: argocd
spec:
  destination:
    namespace: production
    server: https://kubernetes.default.svc
  source:
    repoURL: https://github.com/acme/deploy.git
    targetRevision: HEAD
)";

}  // namespace

TEST_CASE("argocd: one deployed event per history entry, actor from initiatedBy", "[argocd]") {
    const auto run = run_argocd(std::string(app_head) + R"(status:
  history:
  - deployStartedAt: "2024-07-25T10:00:00Z"
    deployedAt: "2024-07-25T10:00:05Z"
    id: 7
    revision: 0123456789abcdef0123456789abcdef01234567
    initiatedBy: {username: alice}
  - deployStartedAt: "2024-07-25T11:00:00Z"
    id: 8
    revision: v1.2.3
    source: {repoURL: https://charts.acme.io/}
)");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 2);
    const Event& a = run.events[0];
    CHECK(a.id == "argocd:argocd/api/history/7#deployed");
    CHECK(a.kind == EventKind::change);
    CHECK(a.source.medium == Medium::change);
    CHECK(a.source.line == 15);
    CHECK(format_utc(a.time) == "2024-07-25T10:00:05.000000Z");
    CHECK(a.time_raw == "2024-07-25T10:00:05Z");
    CHECK(a.actor.id == "alice");
    CHECK(a.change->system == "argocd");
    CHECK(a.change->repo == "argocd/api");
    CHECK(a.change->ref == "0123456789abcdef0123456789abcdef01234567");
    CHECK(a.change->commit == a.change->ref);
    CHECK(a.change->environment == "production");
    CHECK(a.change->url == "https://github.com/acme/deploy.git");
    CHECK(a.text == "deployed api 0123456 to production");
    const Event& b = run.events[1];
    CHECK(format_utc(b.time) == "2024-07-25T11:00:00.000000Z");  // deployStartedAt: no deployedAt
    CHECK(b.change->commit.empty());
    CHECK(b.change->url == "https://charts.acme.io/");
    CHECK(b.actor.empty());
    CHECK(b.text == "deployed api v1.2.3 to production");
}

TEST_CASE("argocd: a failed or running operation is a deploy failure or start, success is history", "[argocd]") {
    auto with_operation = [](std::string_view phase) {
        return std::string(app_head) + fmt::format(R"(status:
  operationState:
    phase: {}
    message: "one or more objects failed to apply"
    startedAt: "2024-07-25T12:00:00Z"
    finishedAt: "2024-07-25T12:01:00Z"
    operation:
      initiatedBy: {{username: bob}}
      sync: {{revision: abc}}
)",
                                                   phase);
    };
    const auto failed = run_argocd(with_operation("Failed"));
    REQUIRE(failed.events.size() == 1);
    CHECK(failed.events[0].id == "argocd:argocd/api/operation/2024-07-25T12:00:00Z#deploy-failed");
    CHECK(format_utc(failed.events[0].time) == "2024-07-25T12:01:00.000000Z");
    CHECK(failed.events[0].actor.id == "bob");
    CHECK(failed.events[0].text == "deploy of api abc to production failed: one or more objects failed to apply");
    const auto running = run_argocd(with_operation("Running"));
    REQUIRE(running.events.size() == 1);
    CHECK(format_utc(running.events[0].time) == "2024-07-25T12:00:00.000000Z");
    CHECK(running.events[0].change->action == ChangeAction::deploy_started);
    CHECK(run_argocd(with_operation("Error")).events.at(0).change->action == ChangeAction::deploy_failed);
    CHECK(run_argocd(with_operation("Succeeded")).events.empty());
}

TEST_CASE("argocd: an entry's own initiatedBy wins over the operation's, automated names nobody", "[argocd]") {
    const auto run = run_argocd(std::string(app_head) + R"(status:
  history:
  - {id: 1, revision: a, deployStartedAt: "2024-07-25T10:00:00Z", deployedAt: "2024-07-25T10:00:01Z"}
  - {id: 2, revision: b, deployStartedAt: "2024-07-25T11:00:00Z", initiatedBy: {automated: true}}
  operationState:
    phase: Succeeded
    startedAt: "2024-07-25T11:00:00Z"
    operation: {initiatedBy: {username: carol}}
    syncResult: {revision: b}
)");
    REQUIRE(run.events.size() == 2);
    CHECK(run.events[0].actor.empty());  // not the operation's sync: another revision and start
    CHECK(run.events[1].actor.empty());  // the operation's sync, but the entry says automated
}

TEST_CASE("argocd: a List, JSON, several documents, other kinds dropped", "[argocd]") {
    const std::string json =
        R"({"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", )"
        R"("metadata": {"name": "web"}, "spec": {"destination": {"server": "https://k8s.acme.io"}}, )"
        R"("status": {"history": [{"id": 0, "revision": "r1", "deployedAt": "2024-07-25T09:00:00Z"}]}}, )"
        R"({"kind": "ConfigMap"}]})";
    const auto run = run_argocd(json + "\n---\n" + std::string(app_head), "apps.json");
    CHECK(run.diagnostics.empty());
    REQUIRE(run.events.size() == 1);
    CHECK(run.events[0].text == "deployed web r1 to https://k8s.acme.io");
    CHECK(run.events[0].change->repo == "web");
    CHECK(run.dropped.at("argocd: not an Application") == 1);
}

TEST_CASE("argocd: damage is reported at file:line and the rest is read", "[argocd]") {
    const auto run = run_argocd(std::string(app_head) + R"(status:
  history:
  - deployedAt: "not a time"
    revision: a
  - revision: b
  - deployedAt: "2024-07-25T10:00:05Z"
    revision: c
  - just text
---
kind: Application
  broken: [
)");
    REQUIRE(run.diagnostics.size() == 3);
    CHECK(run.diagnostics[0] ==
          "app.yaml:15:17: error: `deployedAt` is not an ISO 8601 time: \"not a time\" [argocd.bad-time]");
    CHECK(run.diagnostics[1] ==
          "app.yaml:20:5: error: a `status.history` entry is not a map; skipped [argocd.bad-field]");
    CHECK(run.diagnostics[2].starts_with("app.yaml:23:"));
    CHECK(run.diagnostics[2].ends_with("[argocd.bad-yaml]"));
    CHECK(texts(run) == std::vector<std::string>{"deployed api c to production"});
    CHECK(run.dropped.at("argocd: bad time") == 1);
    CHECK(run.dropped.at("argocd: history entry without a time") == 1);
    CHECK(run.dropped.at("argocd: damaged history entry") == 1);
    CHECK(run.dropped.at("argocd: damaged YAML document") == 1);
}

TEST_CASE("argocd corpus: every sample's history, with the operation's user where it is that sync", "[argocd]") {
    const auto codefresh = test::run_sources(
        {test::corpus_path("third-party/argocd/codefresh-docs-restricted-git-source-application.yaml")});
    CHECK(codefresh.diagnostics.empty());
    CHECK(texts(codefresh) == std::vector<std::string>{"deployed restricted-gs 50240d9 to marvel-team",
                                                       "deployed restricted-gs a656a33 to marvel-team"});
    CHECK(test::times(codefresh) ==
          std::vector<std::string>{"2023-09-26T11:52:50.000000Z", "2023-09-26T13:39:34.000000Z"});
    CHECK(codefresh.events[0].actor.empty());
    CHECK(codefresh.events[1].actor.id == "admin");
    CHECK(codefresh.events[1].change->repo == "runtime/restricted-gs");
    CHECK(codefresh.events[1].change->commit == "a656a333006bb50b480d00c42370bbbd1f45555d");
    CHECK(codefresh.events[1].change->url == "https://github.com/noam-codefresh/git-source.git");

    const auto krejzo =
        test::run_sources({test::corpus_path("third-party/argocd/sa-it-academy-krejzo-jenkins-helm-application.yaml")});
    CHECK(krejzo.diagnostics.empty());
    REQUIRE(krejzo.events.size() == 1);
    CHECK(krejzo.events[0].id == "argocd:argocd/helm-25-23/history/0#deployed");
    CHECK(krejzo.events[0].text == "deployed helm-25-23 0.2.6 to default");
    CHECK(krejzo.events[0].actor.id == "admin");
    CHECK(format_utc(krejzo.events[0].time) == "2023-11-25T21:41:46.000000Z");

    // Five syncs by the automated policy: nobody to name.
    const auto nemkovich =
        test::run_sources({test::corpus_path("third-party/argocd/sa-it-academy-nemkovich-jenkins-application.yaml")});
    CHECK(nemkovich.diagnostics.empty());
    CHECK(texts(nemkovich) ==
          std::vector<std::string>{"deployed jenkins 0.9.0 to ci-cd", "deployed jenkins 0.9.0 to ci-cd",
                                   "deployed jenkins 0.10.0 to ci-cd", "deployed jenkins 0.10.0 to ci-cd",
                                   "deployed jenkins 0.11.0 to ci-cd"});
    for (const Event& e : nemkovich.events) CHECK(e.actor.empty());
    CHECK(nemkovich.events.back().change->url == "https://ivan-nemkovich.github.io/helm-repo/");
}

TEST_CASE("argocd: detection claims Applications, not Event lists about them, alerts or Slack", "[argocd]") {
    const Ingester* row = find_ingester("argocd");
    REQUIRE(row);
    auto score = [&](std::string_view head) { return row->detect(Probe{"x", head, nullptr}); };
    CHECK(score(app_head) == 90);
    CHECK(score(R"({"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{}})") == 90);
    CHECK(score("apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\n") == 0);
    CHECK(
        score(
            R"({"kind": "EventList", "items": [{"kind": "Event", "involvedObject": {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application"}}]})") ==
        0);
    for (const char* path : {"alerts/sentry/sample_event_through_alert.json",
                             "third-party/kubernetes/troubleshoot-message-image-pull-fail.json"}) {
        INFO(path);
        CHECK(score(test::read_file(test::corpus_path(path)).substr(0, 65536)) == 0);
    }
}
