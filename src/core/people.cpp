// The `[people]` map and initials from names.
#include "retro/people.hpp"

#include <cctype>

#include "core/text_utf8.hpp"

namespace retro {

static bool is_email(std::string_view key) { return key.find('@') != std::string_view::npos; }

void People::add(std::string key, Person person) {
    if (is_email(key)) key = to_lower_ascii(key);
    m_people[std::move(key)] = std::move(person);
}

std::optional<Person> People::find(std::string_view key) const {
    auto it = m_people.find(key);
    if (it == m_people.end() && is_email(key)) it = m_people.find(to_lower_ascii(key));
    if (it == m_people.end()) return std::nullopt;
    return it->second;
}

std::string initials_of(std::string_view name) {
    std::string out;
    bool at_word_start = true;
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        std::size_t len = 1;
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        const bool separator = c == ' ' || c == '.' || c == '_' || c == '-' || c == '\t';
        if (separator) {
            at_word_start = true;
        } else if (at_word_start) {
            at_word_start = false;
            if (c < 0x80) {
                if (std::isalpha(c)) out += static_cast<char>(std::toupper(c));
                else at_word_start = !std::isalnum(c);  // skip leading punctuation such as "(" or "@"
            } else {
                out.append(name.substr(i, std::min(len, name.size() - i)));
            }
        }
        i += len;
    }
    return out;
}

}  // namespace retro
