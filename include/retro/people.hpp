// People: how a Slack id, an e-mail address or a name maps to a display name and initials (`[people]`).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace retro {

struct Person {
    std::string name;
    std::string initials;
};

class People {
public:
    // `key` is a Slack user id, an e-mail address (case-insensitive) or a name.
    void add(std::string key, Person person);
    std::optional<Person> find(std::string_view key) const;
    bool empty() const { return m_people.empty(); }

private:
    std::map<std::string, Person, std::less<>> m_people;
};

// "Rachel Cooper" → "RC"; "rachel.cooper" → "RC"; "Rachel" → "R". Letters of each word's start, upper case.
std::string initials_of(std::string_view name);

}  // namespace retro
