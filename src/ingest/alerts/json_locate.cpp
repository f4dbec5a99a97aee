// A minimal JSON scanner for positions (see json_locate.hpp). It trusts that the text already parsed
// (it runs only after simdjson accepted the record) and never reads past the end on damaged text.
#include "ingest/alerts/json_locate.hpp"

#include <cstdlib>
#include <string>

namespace retro::ingest::alerts {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skip_space(std::string_view text, std::size_t pos) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    return pos;
}

// `pos` is at an opening quote; returns the offset past the closing quote.
std::size_t skip_string(std::string_view text, std::size_t pos) {
    ++pos;
    while (pos < text.size()) {
        if (text[pos] == '\\') {
            pos += 2;
        } else if (text[pos] == '"') {
            return pos + 1;
        } else {
            ++pos;
        }
    }
    return text.size();
}

// The raw key text between quotes (escapes are compared as written: keys we look for have none).
std::string_view string_body(std::string_view text, std::size_t open, std::size_t past_close) {
    if (past_close < open + 2) return {};
    return text.substr(open + 1, past_close - open - 2);
}

// In the object whose `{` is at `pos`, finds member `key`: returns the value offset, and the key offset in
// `key_at`. npos when absent.
std::size_t find_member(std::string_view text, std::size_t pos, std::string_view key, std::size_t& key_at) {
    if (pos >= text.size() || text[pos] != '{') return std::string_view::npos;
    pos = skip_space(text, pos + 1);
    while (pos < text.size() && text[pos] == '"') {
        const std::size_t key_start = pos;
        pos = skip_string(text, pos);
        const std::string_view name = string_body(text, key_start, pos);
        pos = skip_space(text, pos);
        if (pos >= text.size() || text[pos] != ':') return std::string_view::npos;
        pos = skip_space(text, pos + 1);
        if (name == key) {
            key_at = key_start;
            return pos;
        }
        pos = skip_space(text, skip_json_value(text, pos));
        if (pos < text.size() && text[pos] == ',') pos = skip_space(text, pos + 1);
    }
    return std::string_view::npos;
}

// In the array whose `[` is at `pos`, the offset of element `index`; npos when absent.
std::size_t find_element(std::string_view text, std::size_t pos, std::size_t index) {
    if (pos >= text.size() || text[pos] != '[') return std::string_view::npos;
    pos = skip_space(text, pos + 1);
    for (std::size_t i = 0; pos < text.size() && text[pos] != ']'; ++i) {
        if (i == index) return pos;
        pos = skip_space(text, skip_json_value(text, pos));
        if (pos < text.size() && text[pos] == ',') pos = skip_space(text, pos + 1);
    }
    return std::string_view::npos;
}

}  // namespace

std::size_t skip_json_value(std::string_view text, std::size_t pos) {
    pos = skip_space(text, pos);
    if (pos >= text.size()) return text.size();
    if (text[pos] == '"') return skip_string(text, pos);
    if (text[pos] == '{' || text[pos] == '[') {
        int depth = 0;
        while (pos < text.size()) {
            const char c = text[pos];
            if (c == '"') {
                pos = skip_string(text, pos);
                continue;
            }
            if (c == '{' || c == '[') ++depth;
            if (c == '}' || c == ']') {
                if (--depth == 0) return pos + 1;
            }
            ++pos;
        }
        return text.size();
    }
    while (pos < text.size() && !is_space(text[pos]) && text[pos] != ',' && text[pos] != '}' && text[pos] != ']') ++pos;
    return pos;
}

std::size_t locate_json_path(std::string_view text, std::string_view path, std::size_t* key_offset) {
    std::size_t pos = skip_space(text, 0);
    if (key_offset) *key_offset = pos;
    std::size_t i = 0;
    while (i < path.size()) {
        std::size_t next = std::string_view::npos;
        std::size_t key_at = pos;
        if (path[i] == '.') {
            std::size_t end = i + 1;
            while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
            next = find_member(text, pos, path.substr(i + 1, end - i - 1), key_at);
            i = end;
        } else if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos) break;
            const std::string digits(path.substr(i + 1, close - i - 1));
            next = find_element(text, pos, static_cast<std::size_t>(std::strtoull(digits.c_str(), nullptr, 10)));
            key_at = next;
            i = close + 1;
        } else {
            break;
        }
        if (next == std::string_view::npos) break;
        pos = next;
        if (key_offset) *key_offset = key_at;
    }
    return pos;
}

}  // namespace retro::ingest::alerts
