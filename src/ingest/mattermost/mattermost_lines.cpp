// Reading the lines of a Mattermost bulk export into users, teams, channels and posts (field names from the
// server's app/imports/import_types.go). Fields are read through alerts::FieldReader, so a wrong-typed
// field is `mattermost.bad-field` at file:line:col; decorative fields (reactions, attachments, props) of an
// unexpected type are passed over quietly rather than costing the post.
#include <algorithm>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/mattermost/mattermost_export.hpp"

namespace retro::ingest::mattermost {

namespace {

constexpr std::string_view kind = "mattermost";

std::string text_of(std::string_view s) {
    return alerts::clean_text(std::string(trim(s)));
}

// The lines of a bot's message attachments (`props.attachments`, Slack's shape): pretext, title, text,
// then `title: value` per field; the fallback only when none of those is there.
void read_props_attachments(json::Element props, std::vector<std::string>& out) {
    auto attachments = json::array_member(props, "attachments");
    if (!attachments) return;
    for (json::Element att : *attachments) {
        const std::size_t before = out.size();
        for (std::string_view key : {"pretext", "title", "text"})
            if (auto v = json::string_member(att, key); v && !trim(*v).empty()) out.push_back(text_of(*v));
        if (auto fields = json::array_member(att, "fields")) {
            for (json::Element f : *fields) {
                const std::string title = text_of(json::string_member(f, "title").value_or(""));
                const std::string value = text_of(json::scalar_member_text(f, "value").value_or(""));
                if (title.empty() && value.empty()) continue;
                out.push_back(title.empty() ? value : value.empty() ? title : title + ": " + value);
            }
        }
        if (out.size() == before)
            if (auto v = json::string_member(att, "fallback"); v && !trim(*v).empty()) out.push_back(text_of(*v));
    }
}

bool is_true(std::optional<json::Element> value) {
    if (!value) return false;
    if (value->is_bool()) return value->get_bool().value_unsafe();
    std::string_view s;
    return !value->get(s) && s == "true";
}

}  // namespace

ExportReader::ExportReader(const IngestContext& context, std::string name)
    : m_context(context), m_name(std::move(name)) {}

void ExportReader::read_line(std::string_view line, const Origin& origin) {
    if (trim(line).empty()) return;
    auto doc = m_parser.parse(line, origin, m_context.diags, "mattermost.bad-json");
    if (!doc) {
        m_context.sink.drop("mattermost: damaged record");
        return;
    }
    alerts::JsonText text(line, origin);
    alerts::AlertContext ctx{m_context.options, m_context.diags, m_context.sink, m_parsers};
    alerts::FieldReader r(ctx, text, kind);
    const std::string_view type = doc->is_object() ? r.string(*doc, "", "type") : std::string_view();
    if (r.failed()) {
        m_context.sink.drop("mattermost: damaged record");
        return;
    }
    if (type.empty()) {
        m_context.diags.error("mattermost.bad-line", locate(origin, line, 0),
                              "line is not an object with a `type`; line skipped");
        m_context.sink.drop("mattermost: damaged record");
        return;
    }
    static constexpr std::string_view not_read[] = {"version", "scheme", "emoji", "role", "direct_channel"};
    if (std::find(std::begin(not_read), std::end(not_read), type) != std::end(not_read)) return;
    static constexpr std::string_view read[] = {"team", "channel", "user", "bot", "post", "direct_post"};
    if (std::find(std::begin(read), std::end(read), type) == std::end(read)) {
        r.report(Severity::warning, "unknown-type", ".type",
                 fmt::format("line of type `{}` is not one retro reads; line skipped", text_of(type)));
        return;
    }
    const std::string path = fmt::format(".{}", type);
    auto object = r.object(*doc, "", type);
    if (!object) {
        if (!r.failed())
            m_context.diags.error("mattermost.bad-line", json::locate_key(origin, line, "type"),
                                  fmt::format("`{}` line has no `{}` object; line skipped", type, type));
        m_context.sink.drop("mattermost: damaged record");
        return;
    }
    const json::Element o = *object;
    if (type == "post" || type == "direct_post") {
        read_thread(r, o, path, type == "direct_post", origin, line);
    } else if (type == "team") {
        const std::string name = text_of(r.string(o, path, "name"));
        const std::string display = text_of(r.string(o, path, "display_name"));
        if (!r.failed() && !name.empty()) m_teams.insert_or_assign(name, display);
    } else if (type == "channel") {
        Channel c;
        c.team = text_of(r.string(o, path, "team"));
        c.name = text_of(r.string(o, path, "name"));
        c.display_name = text_of(r.string(o, path, "display_name"));
        c.is_private = r.string(o, path, "type") == "P";
        if (!r.failed() && !c.name.empty()) m_channels.push_back(std::move(c));
    } else {  // user, bot
        User u;
        const std::string username = text_of(r.string(o, path, "username"));
        u.first_name = text_of(r.string(o, path, "first_name"));
        u.last_name = text_of(r.string(o, path, "last_name"));
        u.nickname = text_of(r.string(o, path, "nickname"));
        u.email = text_of(r.string(o, path, "email"));
        u.display_name = text_of(r.string(o, path, "display_name"));
        u.is_bot = type == "bot";
        if (!r.failed() && !username.empty()) m_users.insert_or_assign(username, std::move(u));
    }
}

bool ExportReader::read_message(alerts::FieldReader& r, json::Element o, std::string_view path, Message& m) {
    m.user = text_of(r.string(o, path, "user"));
    m.message = alerts::clean_text(std::string(r.string(o, path, "message")));
    m.type = text_of(r.string(o, path, "type"));
    auto time = r.epoch_time(o, path, "create_at", EpochUnit::milliseconds, &m.time_raw);
    if (r.failed()) return false;
    if (!time) {
        r.report(Severity::warning, "no-time", path, "message has no `create_at`; left out");
        m_context.sink.drop("mattermost: message without a time");
        return false;
    }
    m.time = *time;
    m.edited = json::integer_member(o, "edit_at").value_or(0) > 0;
    m.pinned = json::bool_member(o, "is_pinned").value_or(false);
    if (auto reactions = json::array_member(o, "reactions"))
        for (json::Element reaction : *reactions)
            if (auto name = json::string_member(reaction, "emoji_name"); name && !name->empty())
                if (std::find(m.reactions.begin(), m.reactions.end(), *name) == m.reactions.end())
                    m.reactions.push_back(text_of(*name));
    if (auto attachments = json::array_member(o, "attachments"))
        for (json::Element attachment : *attachments)
            if (auto file = json::string_member(attachment, "path"); file && !trim(*file).empty())
                m.attachments.push_back(text_of(*file));
    if (auto props = alerts::object_element(o, "props")) {
        const json::Element p = *props;
        m.from_webhook = is_true(json::member(p, "from_webhook")) || is_true(json::member(p, "from_bot"));
        m.override_username = text_of(json::string_member(p, "override_username").value_or(""));
        read_props_attachments(p, m.props_text);
    }
    return true;
}

void ExportReader::read_thread(alerts::FieldReader& r, json::Element o, std::string_view path, bool direct,
                               const Origin& origin, std::string_view line) {
    Thread t;
    t.direct = direct;
    t.line = origin.line;
    if (direct) {
        if (auto members = r.array(o, path, "channel_members")) {
            for (json::Element member : *members) {
                std::string_view name;
                if (!member.get(name) && !trim(name).empty()) t.members.push_back(text_of(name));
            }
        }
        std::sort(t.members.begin(), t.members.end());
        t.members.erase(std::unique(t.members.begin(), t.members.end()), t.members.end());
    } else {
        t.team = text_of(r.string(o, path, "team"));
        t.channel = text_of(r.string(o, path, "channel"));
        t.channel_at = json::locate_key(origin, line, "channel");
    }
    if (r.failed() || !read_message(r, o, path, t.root)) {
        if (r.failed()) m_context.sink.drop("mattermost: damaged record");
        return;
    }
    if (direct && t.members.empty()) {
        r.report(Severity::error, "bad-line", path, "direct post names no `channel_members`; line skipped");
        m_context.sink.drop("mattermost: damaged record");
        return;
    }
    if (!direct && t.channel.empty()) {
        r.report(Severity::error, "bad-line", path, "post names no `channel`; line skipped");
        m_context.sink.drop("mattermost: damaged record");
        return;
    }
    const std::string replies_path = fmt::format("{}.replies", path);
    if (auto replies = json::array_member(o, "replies")) {
        std::size_t i = 0;
        for (json::Element reply : *replies) {
            const std::string reply_path = alerts::element_path(replies_path, i++);
            if (!reply.is_object()) continue;
            alerts::FieldReader reply_reader(r.context(), r.text(), kind);
            Message m;
            if (read_message(reply_reader, reply, reply_path, m))
                t.replies.push_back(std::move(m));
            else if (reply_reader.failed())
                m_context.sink.drop("mattermost: damaged record");
        }
    }
    m_threads.push_back(std::move(t));
}

}  // namespace retro::ingest::mattermost
