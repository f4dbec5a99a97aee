// The yaml-cpp adapter the `kubernetes` and `argocd` ingesters share: documents, positions, damage, and
// the head markers detection uses.
#include <catch2/catch.hpp>

#include "ingest/kubernetes/yaml_tree.hpp"
#include "test_support.hpp"

using namespace retro;
using namespace retro::ingest::kubernetes;

namespace {

struct Documents {
    std::vector<YamlDocument> documents;
    std::size_t damaged = 0;
};

Documents parse_yaml_documents(std::string_view bytes, const Origin& origin, Diagnostics& diags,
                               std::string_view family) {
    Documents out;
    out.damaged = read_yaml_documents(bytes, origin, diags, family,
                                      [&](const YamlDocument& doc) { out.documents.push_back(doc); });
    return out;
}

}  // namespace

TEST_CASE("yaml tree: documents split at --- keep their positions", "[kubernetes-yaml]") {
    auto diags = test::quiet_diagnostics();
    const auto yaml = parse_yaml_documents("# c\n---\nkind: A\nname: 'x'\n---\n\n---\nkind: B\nn: [1, ~]\n",
                                           Origin{"in.yaml"}, diags, "argocd");
    CHECK(test::texts(diags).empty());
    CHECK(yaml.damaged == 0);
    REQUIRE(yaml.documents.size() == 2);
    const YamlNode& a = yaml.documents[0].root;
    CHECK(a.text({"kind"}) == "A");
    CHECK(a.text({"name"}) == "x");
    CHECK(a.find("kind")->line == 3);
    CHECK(a.find("kind")->column == 7);
    const YamlNode& b = yaml.documents[1].root;
    CHECK(b.find("kind")->line == 8);
    const YamlNode* n = b.find("n");
    REQUIRE(n->items.size() == 2);
    CHECK(n->items[0].scalar == "1");
    CHECK(n->items[1].type == YamlNode::Type::null);
    CHECK(b.text({"n"}).empty());  // not a scalar
}

TEST_CASE("yaml tree: a document ended by ... is followed by the next", "[kubernetes-yaml]") {
    auto diags = test::quiet_diagnostics();
    const auto yaml = parse_yaml_documents("kind: A\n...\nkind: B\n", Origin{"in.yaml"}, diags, "argocd");
    REQUIRE(yaml.documents.size() == 2);
    CHECK(yaml.documents[1].root.text({"kind"}) == "B");
    CHECK(yaml.documents[1].root.find("kind")->line == 3);
}

TEST_CASE("yaml tree: JSON reads as YAML, escapes and nulls included", "[kubernetes-yaml]") {
    auto diags = test::quiet_diagnostics();
    const auto yaml = parse_yaml_documents(R"({"a": {"b": "caf\u00e9 \/ \"q\""}, "c": null, "d": "null"})",
                                           Origin{"in.json"}, diags, "kubernetes");
    REQUIRE(yaml.documents.size() == 1);
    const YamlNode& root = yaml.documents[0].root;
    CHECK(root.text({"a", "b"}) == "caf\xC3\xA9 / \"q\"");
    CHECK(root.find("c")->type == YamlNode::Type::null);
    CHECK(root.text({"d"}) == "null");
}

TEST_CASE("yaml tree: a damaged document is reported at its line and the next is read", "[kubernetes-yaml]") {
    auto diags = test::quiet_diagnostics();
    const auto yaml =
        parse_yaml_documents("kind: A\n---\nkind: B\n  bad: [\n---\nkind: C\n", Origin{"in.yaml"}, diags, "argocd");
    CHECK(yaml.damaged == 1);
    REQUIRE(yaml.documents.size() == 2);
    CHECK(yaml.documents[1].root.text({"kind"}) == "C");
    const auto texts = test::texts(diags);
    REQUIRE(texts.size() == 1);
    CHECK(texts[0].starts_with("in.yaml:4:"));
    CHECK(texts[0].ends_with("[argocd.bad-yaml]"));
}

TEST_CASE("yaml tree: an alias bomb is damage, not a blow-up", "[kubernetes-yaml]") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'l'; ++c, ++prev)
        bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
    auto diags = test::quiet_diagnostics();
    const auto yaml = parse_yaml_documents(bomb, Origin{"bomb.yaml"}, diags, "kubernetes");
    CHECK(yaml.documents.empty());
    CHECK(yaml.damaged == 1);
    CHECK(test::texts(diags) ==
          std::vector<std::string>{"bomb.yaml:1:1: error: YAML document expands past its size or nests deeper than "
                                   "256 (aliases?) [kubernetes.bad-yaml]"});
}

TEST_CASE("yaml tree: deep nesting is damage", "[kubernetes-yaml]") {
    auto diags = test::quiet_diagnostics();
    const auto yaml =
        parse_yaml_documents(std::string(5000, '[') + std::string(5000, ']'), Origin{"deep.json"}, diags, "kubernetes");
    CHECK(yaml.documents.empty());
    CHECK(yaml.damaged == 1);
}

TEST_CASE("yaml tree: items of a List, a sequence or one resource", "[kubernetes-yaml]") {
    auto diags = test::quiet_diagnostics();
    const auto yaml = parse_yaml_documents("kind: List\nitems: [{a: 1}, {a: 2}]\n---\n- {a: 3}\n---\n{a: 4}\n",
                                           Origin{"in.yaml"}, diags, "kubernetes");
    REQUIRE(yaml.documents.size() == 3);
    CHECK(resource_items(yaml.documents[0].root).size() == 2);
    CHECK(resource_items(yaml.documents[1].root).size() == 1);
    CHECK(resource_items(yaml.documents[2].root).front()->text({"a"}) == "4");
}

TEST_CASE("yaml tree: times are ISO 8601, a bad one is an error at the value", "[kubernetes-yaml]") {
    auto diags = test::quiet_diagnostics();
    const auto yaml = parse_yaml_documents("a: \"2023-07-10T05:31:39.694297Z\"\nb: null\nc: yesterday\n",
                                           Origin{"t.yaml"}, diags, "argocd");
    const YamlNode& root = yaml.documents.at(0).root;
    bool bad = false;
    CHECK(format_utc(*read_time(root, "a", Origin{"t.yaml"}, diags, "argocd", bad)) == "2023-07-10T05:31:39.694297Z");
    CHECK(!read_time(root, "b", Origin{"t.yaml"}, diags, "argocd", bad));
    CHECK(!read_time(root, "missing", Origin{"t.yaml"}, diags, "argocd", bad));
    CHECK(!bad);
    CHECK(!read_time(root, "c", Origin{"t.yaml"}, diags, "argocd", bad));
    CHECK(bad);
    CHECK(test::texts(diags) ==
          std::vector<std::string>{"t.yaml:3:4: error: `c` is not an ISO 8601 time: \"yesterday\" [argocd.bad-time]"});
}

TEST_CASE("yaml tree: head markers in YAML and JSON spellings", "[kubernetes-yaml]") {
    CHECK(head_has_member("apiVersion: v1\nkind: EventList\n", "kind", "EventList"));
    CHECK(head_has_member("- kind: 'Event'\n", "kind", "Event"));
    CHECK(head_has_member(R"({"kind":"EventList")", "kind", "EventList"));
    CHECK(head_has_member("{\n  \"kind\" : \"Event\",", "kind", "Event"));
    CHECK_FALSE(head_has_member("kind: EventList\n", "kind", "Event"));
    CHECK_FALSE(head_has_member(R"({"kind":"EventList")", "kind", "Event"));
    CHECK_FALSE(head_has_member("subkind: Event\n", "kind", "Event"));
    CHECK_FALSE(head_has_member(R"({"text": "kind: Event"})", "kind", "Event"));
}
