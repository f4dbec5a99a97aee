// The yaml-cpp adapter (yaml-cpp 0.7, Debian libyaml-cpp-dev): documents are split at `---` lines here and
// each is parsed alone, so one damaged document costs only itself; yaml-cpp's parser events build YamlNode
// directly, with a node budget (aliases can make a few bytes stand for exponentially many nodes) and a
// depth limit.
#include "ingest/kubernetes/yaml_tree.hpp"

#include <algorithm>
#include <istream>
#include <map>
#include <optional>
#include <streambuf>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace retro::ingest::kubernetes {

const YamlNode* YamlNode::find(std::string_view key) const {
    if (type != Type::map) return nullptr;
    const auto it = std::find(keys.begin(), keys.end(), key);
    return it == keys.end() ? nullptr : &items[static_cast<std::size_t>(it - keys.begin())];
}

const YamlNode* YamlNode::at(std::initializer_list<std::string_view> path) const {
    const YamlNode* node = this;
    for (const std::string_view key : path)
        if (!(node = node->find(key))) return nullptr;
    return node;
}

std::string_view YamlNode::text(std::initializer_list<std::string_view> path) const {
    const YamlNode* node = at(path);
    return node && node->is_scalar() ? std::string_view(node->scalar) : std::string_view();
}

Location node_location(const Origin& origin, const YamlNode& node) {
    if (node.line == 0) return {origin.name, 0, 0};
    return {origin.name, origin.line + node.line - 1, node.column};
}

namespace {

constexpr std::size_t max_depth = 256;

class TooLarge {};

// Builds the tree from yaml-cpp's parser events, without yaml-cpp's own node graph (which took ten times
// the input's size): an explicit stack, so no recursion; positions made absolute by adding the document's
// first line; anchors kept as copies for their aliases, each copy charged to the budget.
class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(YamlNode& root, std::uint64_t& budget, std::uint64_t first_line)
        : m_root(root), m_budget(budget), m_first_line(first_line) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        finish(start(mark, YamlNode::Type::null), anchor, 1);
    }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string& value) override {
        YamlNode node = start(mark, YamlNode::Type::scalar);
        node.scalar = value;
        finish(std::move(node), anchor, 1);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        // An alias to an anchor still open (`&a [*a]`) or unknown reads as null, so nothing is cyclic.
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end()) return OnNull(mark, 0);
        charge(it->second.second);
        finish(YamlNode(it->second.first), 0, it->second.second);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, YamlNode::Type::sequence, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, YamlNode::Type::map, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Open {
        YamlNode node;
        YAML::anchor_t anchor = 0;
        std::uint64_t size = 1;          // nodes in this subtree so far
        std::optional<std::string> key;  // a map's pending key (empty optional: the next node is a key)
        bool skip_value = false;         // the pending key is complex or never read
    };

    void charge(std::uint64_t nodes) {
        if (nodes > m_budget) throw TooLarge{};
        m_budget -= nodes;
    }

    YamlNode start(const YAML::Mark& mark, YamlNode::Type type) {
        charge(1);
        YamlNode node;
        node.type = type;
        if (mark.line >= 0) {
            node.line = m_first_line + static_cast<std::uint64_t>(mark.line);
            node.column = static_cast<std::uint64_t>(mark.column) + 1;
        }
        return node;
    }

    void open(const YAML::Mark& mark, YamlNode::Type type, YAML::anchor_t anchor) {
        if (m_stack.size() >= max_depth) throw TooLarge{};
        m_stack.push_back(Open{start(mark, type), anchor});
    }

    void close() {
        Open done = std::move(m_stack.back());
        m_stack.pop_back();
        finish(std::move(done.node), done.anchor, done.size);
    }

    // A complete node of `size` nodes: kept for its anchor, then placed in its parent.
    void finish(YamlNode node, YAML::anchor_t anchor, std::uint64_t size) {
        if (anchor != 0) m_anchors.insert_or_assign(anchor, std::make_pair(node, size));
        if (m_stack.empty()) {
            m_root = std::move(node);
            return;
        }
        Open& parent = m_stack.back();
        parent.size += size;
        if (parent.node.type == YamlNode::Type::sequence) return parent.node.items.push_back(std::move(node));
        if (!parent.key) {
            // Complex keys (a sequence as a key) name no field a resource has; server-side apply's
            // `managedFields`, often most of a resource's bytes, is never read.
            parent.skip_value = !node.is_scalar() || node.scalar == "managedFields";
            parent.key = std::move(node.scalar);
            return;
        }
        if (!parent.skip_value) {
            parent.node.keys.push_back(std::move(*parent.key));
            parent.node.items.push_back(std::move(node));
        }
        parent.key.reset();
    }

    YamlNode& m_root;
    std::uint64_t& m_budget;  // shared by the documents of one input
    std::uint64_t m_first_line;
    std::vector<Open> m_stack;
    std::map<YAML::anchor_t, std::pair<YamlNode, std::uint64_t>> m_anchors;
};

// An istream over bytes already in memory, without copying them.
class ViewBuffer final : public std::streambuf {
public:
    explicit ViewBuffer(std::string_view bytes) {
        char* begin = const_cast<char*>(bytes.data());  // only ever read
        setg(begin, begin, begin + bytes.size());
    }
};

bool is_document_marker(std::string_view line) {
    return line.starts_with("---") && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

// [offset, line) of each document: a `---` line starts a new one (and stays in it: `--- !tag` or
// `--- {…}` carry content).
std::vector<std::pair<std::size_t, std::uint64_t>> document_starts(std::string_view bytes) {
    std::vector<std::pair<std::size_t, std::uint64_t>> starts{{0, 1}};
    std::uint64_t line = 1;
    for (std::size_t at = 0; at < bytes.size();) {
        const std::size_t end = std::min(bytes.find('\n', at), bytes.size());
        if (at > 0 && is_document_marker(bytes.substr(at, end - at))) starts.emplace_back(at, line);
        at = end + 1;
        ++line;
    }
    return starts;
}

}  // namespace

std::size_t read_yaml_documents(std::string_view bytes, const Origin& origin, Diagnostics& diags,
                                std::string_view family, const std::function<void(const YamlDocument&)>& read) {
    std::size_t damaged = 0;
    const auto starts = document_starts(bytes);
    const std::string code = fmt::format("{}.bad-yaml", family);
    // Every node takes at least a byte of input unless an alias repeats it (the documents share this).
    std::uint64_t budget = bytes.size() + 1024;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const auto [offset, line] = starts[i];
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1].first : bytes.size();
        ViewBuffer buffer(bytes.substr(offset, end - offset));
        std::istream stream(&buffer);
        try {
            // Documents ended by `...` rather than started by `---` follow in the same part.
            YAML::Parser parser(stream);
            for (;;) {
                YamlDocument doc;
                doc.line = line;
                TreeBuilder builder(doc.root, budget, line);
                if (!parser.HandleNextDocument(builder)) break;
                if (doc.root.type != YamlNode::Type::null) read(doc);
            }
        } catch (const YAML::Exception& e) {
            const std::uint64_t at_line = e.mark.line >= 0 ? line + static_cast<std::uint64_t>(e.mark.line) : line;
            const std::uint64_t at_column = e.mark.column >= 0 ? static_cast<std::uint64_t>(e.mark.column) + 1 : 0;
            diags.error(code, {origin.name, origin.line + at_line - 1, at_column},
                        fmt::format("damaged YAML document: {}", e.msg));
            ++damaged;
        } catch (const std::exception& e) {  // yaml-cpp's own checks aside (bad_alloc, a conversion)
            diags.error(code, {origin.name, origin.line + line - 1, 1},
                        fmt::format("unreadable YAML document: {}", e.what()));
            ++damaged;
        } catch (const TooLarge&) {
            diags.error(code, {origin.name, origin.line + line - 1, 1},
                        "YAML document expands past its size or nests deeper than 256 (aliases?)");
            ++damaged;
        }
    }
    return damaged;
}

std::vector<const YamlNode*> resource_items(const YamlNode& root) {
    std::vector<const YamlNode*> out;
    const YamlNode* list = &root;
    if (const YamlNode* items = root.find("items"); items && items->type == YamlNode::Type::sequence) list = items;
    if (list->type != YamlNode::Type::sequence) return {&root};
    for (const YamlNode& item : list->items) out.push_back(&item);
    return out;
}

std::optional<Instant> read_time(const YamlNode& obj, std::string_view key, const Origin& origin, Diagnostics& diags,
                                 std::string_view family, bool& bad) {
    const YamlNode* value = obj.find(key);
    if (!value || value->type == YamlNode::Type::null) return std::nullopt;
    if (value->is_scalar() && value->scalar.empty()) return std::nullopt;
    if (value->is_scalar())
        if (auto t = parse_iso8601(value->scalar)) return t;
    diags.error(fmt::format("{}.bad-time", family), node_location(origin, *value),
                value->is_scalar() ? fmt::format("`{}` is not an ISO 8601 time: \"{}\"", key, value->scalar)
                                   : fmt::format("`{}` is not a time", key));
    bad = true;
    return std::nullopt;
}

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view skip_blanks(std::string_view s) {
    while (!s.empty() && (is_blank(s.front()) || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
    return s;
}

// After `"key"` in JSON: `: "value"`.
bool json_value_follows(std::string_view rest, std::string_view value) {
    rest = skip_blanks(rest);
    if (rest.empty() || rest.front() != ':') return false;
    rest = skip_blanks(rest.substr(1));
    return rest.size() > value.size() + 1 && rest.front() == '"' && rest.substr(1, value.size()) == value &&
           rest[value.size() + 1] == '"';
}

// After `key` in YAML: `: value`, `: "value"` or `: 'value'`, then the end of the line or a comment.
bool yaml_value_follows(std::string_view rest, std::string_view value) {
    if (rest.empty() || rest.front() != ':') return false;
    rest.remove_prefix(1);
    while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
    const char quote = !rest.empty() && (rest.front() == '"' || rest.front() == '\'') ? rest.front() : 0;
    if (quote) rest.remove_prefix(1);
    if (!rest.starts_with(value)) return false;
    rest.remove_prefix(value.size());
    if (quote) {
        if (rest.empty() || rest.front() != quote) return false;
        rest.remove_prefix(1);
    }
    return rest.empty() || rest.front() == '\n' || rest.front() == '\r' || is_blank(rest.front());
}

}  // namespace

bool head_has_member(std::string_view head, std::string_view key, std::string_view value) {
    for (std::size_t at = head.find(key); at != std::string_view::npos; at = head.find(key, at + 1)) {
        const std::string_view rest = head.substr(at + key.size());
        const char before = at == 0 ? '\n' : head[at - 1];
        if (before == '"' && !rest.empty() && rest.front() == '"') {
            if (json_value_follows(rest.substr(1), value)) return true;
        } else if (before == '\n' || before == ' ' || before == '-') {
            if (yaml_value_follows(rest, value)) return true;
        }
    }
    return false;
}

}  // namespace retro::ingest::kubernetes
