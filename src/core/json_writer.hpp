// A small JSON writer over a std::string: fixed key order (the caller's), correct escaping, and invalid
// UTF-8 replaced by U+FFFD rather than thrown on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace retro::json {

// Appends `text` as a JSON string literal (quotes included).
void append_string(std::string& out, std::string_view text);

class Writer {
public:
    explicit Writer(std::string& out) : m_out(out) {}
    Writer& begin_object();
    Writer& end_object();
    Writer& begin_array();
    Writer& end_array();
    Writer& key(std::string_view name);
    Writer& value(std::string_view text);
    Writer& value(const char* text) { return value(std::string_view(text)); }
    Writer& value(std::int64_t number);
    Writer& value(std::uint64_t number);
    Writer& value(int number) { return value(static_cast<std::int64_t>(number)); }
    Writer& value(double number);
    Writer& value(bool flag);
    Writer& null();
    // Writes an already-encoded JSON value as is.
    Writer& raw(std::string_view json);

private:
    void separate();
    std::string& m_out;
    bool m_need_comma = false;
};

}  // namespace retro::json
