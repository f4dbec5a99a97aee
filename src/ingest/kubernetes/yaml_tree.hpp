// YAML (and JSON, which is YAML) read into a plain tree: the one adapter around yaml-cpp, so its types and
// exceptions stay in yaml_tree.cpp. Kubernetes resources as `kubectl get -o yaml|json` writes them, one
// document or several (`---`), are read through it by the `kubernetes` and `argocd` ingesters.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retro/diagnostic.hpp"
#include "retro/time.hpp"

namespace retro::ingest::kubernetes {

// One node. Maps keep their members in written order (a repeated key: the first counts).
struct YamlNode {
    enum class Type { null, scalar, sequence, map };
    Type type = Type::null;
    std::string scalar;                  // the scalar's value, unquoted and unescaped
    std::vector<std::string> keys;       // map keys, parallel to `items`
    std::vector<YamlNode> items;         // sequence items or map values
    std::uint64_t line = 0, column = 0;  // 1-based position in the input (0: unknown)

    bool is_map() const { return type == Type::map; }
    bool is_scalar() const { return type == Type::scalar; }
    // The member `key` of a map, or nullptr (also for other types).
    const YamlNode* find(std::string_view key) const;
    // The node at a path of map keys, or nullptr.
    const YamlNode* at(std::initializer_list<std::string_view> path) const;
    // The scalar at `path`, or "" when absent, null or not a scalar.
    std::string_view text(std::initializer_list<std::string_view> path) const;
};

// One document of the input and the position where it starts.
struct YamlDocument {
    YamlNode root;
    std::uint64_t line = 0;
};

// Reads every document of `bytes` in order, handing each non-empty one to `read`; returns how many were
// damaged. Documents are split at `---` lines, so a damaged one is reported and the next is still read.
// Damage is an error `<family>.bad-yaml` at the file:line:col yaml-cpp names. Aliases expanded past the
// input's size, or nesting deeper than 256, count as damage, so no input makes the tree blow up.
std::size_t read_yaml_documents(std::string_view bytes, const Origin& origin, Diagnostics& diags,
                                std::string_view family, const std::function<void(const YamlDocument&)>& read);

// The Location of `node` in the input read from `origin`.
Location node_location(const Origin& origin, const YamlNode& node);

// The elements a document holds: the `items` of a `List`/`…List` (any map holding an `items` sequence), the
// elements of a top-level sequence, or the document itself.
std::vector<const YamlNode*> resource_items(const YamlNode& root);

// A time member (`firstTimestamp`, `deployedAt`…) read as ISO 8601. Absent or null: std::nullopt quietly.
// Unreadable: an error `<family>.bad-time` at the value, and `bad` is set.
std::optional<Instant> read_time(const YamlNode& obj, std::string_view key, const Origin& origin, Diagnostics& diags,
                                 std::string_view family, bool& bad);

// Whether `head` (the first bytes of an input) holds a `key: value` line of YAML or a `"key": "value"`
// member of JSON. For detection only: it says nothing of where in the document the member is.
bool head_has_member(std::string_view head, std::string_view key, std::string_view value);

}  // namespace retro::ingest::kubernetes
