// Field readers and helpers shared by the GitHub record readers.
#include <fmt/format.h>

#include "ingest/github/github_records.hpp"

namespace retro::ingest::github {

bool has_key(json::Element obj, std::string_view key) {
    json::Object object;
    json::Element value;
    return !obj.get(object) && !object.at_key(key).get(value);
}

std::string repo_from_url(std::string_view url) {
    std::string_view rest = url;
    const std::size_t scheme = rest.find("://");
    if (scheme == std::string_view::npos) return {};
    rest.remove_prefix(scheme + 3);
    const std::size_t host_end = rest.find('/');
    if (host_end == std::string_view::npos) return {};
    rest.remove_prefix(host_end + 1);
    // API urls: `api.github.com/repos/o/r`, Enterprise `host/api/v3/repos/o/r`.
    if (rest.starts_with("api/v3/")) rest.remove_prefix(7);
    if (rest.starts_with("repos/")) rest.remove_prefix(6);
    rest = rest.substr(0, rest.find_first_of("?#"));
    const std::size_t owner_end = rest.find('/');
    if (owner_end == 0 || owner_end == std::string_view::npos) return {};
    const std::size_t name_end = rest.find('/', owner_end + 1);
    const std::string_view repo = rest.substr(0, name_end);
    if (repo.size() == owner_end + 1) return {};
    return std::string(repo);
}

std::string join_id(std::string_view repo, std::string_view rest) {
    return repo.empty() ? std::string(rest) : fmt::format("{}/{}", repo, rest);
}

std::string text_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key) {
    return alerts::clean_text(std::string(r.string(obj, path, key)));
}

std::string id_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key) {
    return alerts::clean_text(r.scalar(obj, path, key));
}

std::uint64_t number_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key) {
    auto value = json::member(obj, key);
    if (!value) return 0;
    auto number = json::integer_of(*value);
    if (!number || *number < 1) {
        r.report(Severity::error, "bad-field", alerts::member_path(path, key),
                 fmt::format("`{}` is {} where a positive integer was expected; record skipped", key,
                             number ? "not positive" : alerts::describe_type(*value)));
        return 0;
    }
    return static_cast<std::uint64_t>(*number);
}

std::optional<Instant> time_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key,
                                  std::string& raw) {
    std::string written;
    auto time = r.iso_time(obj, path, key, &written);
    if (!time || written.starts_with("0001-01-01")) return std::nullopt;
    raw = std::move(written);
    return time;
}

std::string first_line(std::string_view text) {
    return std::string(text.substr(0, text.find_first_of("\r\n")));
}

Person person_field(FieldReader& r, json::Element obj, std::string_view path, std::string_view key) {
    Person who;
    auto user = r.object(obj, path, key);
    if (!user) return who;
    const std::string user_path = alerts::member_path(path, key);
    who.actor.id = text_field(r, *user, user_path, "login");
    who.actor.name = text_field(r, *user, user_path, "name");
    who.bot = json::bool_member(*user, "is_bot").value_or(false) ||
              json::string_member(*user, "type").value_or("") == "Bot" || who.actor.id.view().ends_with("[bot]");
    return who;
}

void report_incomplete(FieldReader& r, std::string_view path, std::string message, std::string_view drop_reason) {
    r.report(Severity::warning, "incomplete", path, std::move(message));
    r.context().sink.drop(drop_reason);
}

void emit_change(AlertContext& ctx, const JsonText& text, changes::ChangeRecord record, const Person& who) {
    record.change.system = std::string(kind);
    record.actor = who.actor;
    Event e = changes::change_event(kind, text.origin(), text.origin().line, std::move(record));
    e.flags.bot = who.bot;
    ctx.sink.add(std::move(e));
}

}  // namespace retro::ingest::github
