// Slack message → events (input-formats.md §1.3–1.7, §2e; DESIGN.md). Text comes from `text`, then the
// attachments (pretext, title, text, fields, else fallback), then `blocks` when `text` is empty, then file
// titles; never from a file's token-bearing `url_private`.
#include "ingest/slack/message.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/slack/alerts.hpp"
#include "ingest/slack/blocks.hpp"
#include "ingest/slack/slack_ts.hpp"

namespace retro::ingest::slack {

namespace {

std::string_view str(json::Element e, std::string_view key) { return json::string_member(e, key).value_or(""); }

// An unfurl (a link preview) repeats a linked page; it is not part of what was said.
bool is_unfurl(json::Element att) {
    return json::member(att, "from_url").has_value() || json::bool_member(att, "is_msg_unfurl").value_or(false);
}

void append_attachment(json::Element att, const NameLookup& names, RichText& out) {
    std::size_t before = out.text.size();
    for (std::string_view key : {"pretext", "title", "text"}) {
        std::string_view v = trim(str(att, key));
        if (v.empty()) continue;
        out.break_line();
        append_mrkdwn(repair_utf8(v), names, out);
    }
    if (auto fields = json::array_member(att, "fields")) {
        for (json::Element f : *fields) {
            std::string_view title = trim(str(f, "title"));
            std::string value = repair_utf8(trim(json::scalar_member_text(f, "value").value_or("")));
            if (title.empty() && value.empty()) continue;
            out.break_line();
            if (!title.empty()) out.text += repair_utf8(title) + ": ";
            append_mrkdwn(value, names, out);
        }
    }
    if (out.text.size() == before) {
        std::string_view fallback = trim(str(att, "fallback"));
        if (!fallback.empty()) {
            out.break_line();
            append_mrkdwn(repair_utf8(fallback), names, out);
        }
    }
}

void append_file(json::Element file, RichText& out) {
    std::string_view title = trim(str(file, "title"));
    std::string_view name = trim(str(file, "name"));
    if (title.empty()) title = name;
    if (title.empty()) return;
    out.break_line();
    out.text += "file: " + repair_utf8(title);
    if (!name.empty() && name != title) out.text += " (" + repair_utf8(name) + ")";
}

}  // namespace

MessageConverter::MessageConverter(const Directory& directory, const People& people, std::string source_kind,
                                   std::map<std::string, std::string, std::less<>> channel_names)
    : m_directory(directory), m_people(people), m_kind(std::move(source_kind)),
      m_channel_names(std::move(channel_names)) {
    m_names.user = [this](std::string_view id) -> std::optional<std::string> {
        Actor a = m_directory.actor(id, m_people);
        if (!a.name.empty()) return a.name;
        return std::nullopt;
    };
    m_names.channel = [this](std::string_view id) -> std::optional<std::string> {
        auto it = m_channel_names.find(id);
        if (it == m_channel_names.end()) return std::nullopt;
        return it->second;
    };
}

std::string_view MessageConverter::key_ts(json::Element message) {
    if (str(message, "subtype") == "message_changed")
        if (auto inner = json::member(message, "message")) return str(*inner, "ts");
    return str(message, "ts");
}

RichText MessageConverter::render_text(json::Element message) const {
    RichText out;
    append_mrkdwn(repair_utf8(str(message, "text")), m_names, out);
    if (out.text.empty())
        if (auto blocks = json::array_member(message, "blocks")) append_blocks(*blocks, m_names, out);
    if (auto atts = json::array_member(message, "attachments")) {
        bool has_text = !out.text.empty();
        for (json::Element att : *atts) {
            if (has_text && is_unfurl(att)) continue;
            append_attachment(att, m_names, out);
        }
    }
    if (auto files = json::array_member(message, "files"))
        for (json::Element f : *files) append_file(f, out);
    if (auto file = json::member(message, "file"); file && file->is_object() && str(message, "text").empty())
        append_file(*file, out);
    return out;
}

void MessageConverter::convert(json::Element message, const ChannelRef& channel, std::string_view record,
                               const Origin& origin, Diagnostics& diags, std::vector<Event>& out) const {
    std::string_view subtype = str(message, "subtype");
    if (subtype == "message_deleted") return;
    bool changed = false;
    if (subtype == "message_changed") {
        auto inner = json::member(message, "message");
        if (!inner || !inner->is_object()) {
            diags.error("slack.bad-message", json::locate_key(origin, record, "subtype"),
                        "message_changed event carries no `message` object");
            return;
        }
        message = *inner;
        subtype = str(message, "subtype");
        changed = true;
    }

    auto ts_text = json::scalar_member_text(message, "ts");
    std::optional<Instant> time = ts_text ? parse_ts(*ts_text) : std::nullopt;
    if (!time) {
        diags.error("slack.bad-ts", json::locate_key(origin, record, "ts"),
                    ts_text ? fmt::format("message ts \"{}\" is not a Slack timestamp", repair_utf8(*ts_text))
                            : std::string("message has no ts"));
        return;
    }
    const std::string& ts = *ts_text;

    Event e;
    e.id = fmt::format("slack:{}/{}", channel.id, ts);
    e.time = *time;
    e.time_raw = ts;
    e.kind = EventKind::message;
    e.source.kind = m_kind;
    e.source.origin = origin.name;
    e.source.line = origin.line;
    e.channel = channel.name.empty() ? channel.id : channel.name;

    std::string_view user = str(message, "user");
    std::string_view bot_id = str(message, "bot_id");
    bool bot_post = subtype == "bot_message" || (user.empty() && !bot_id.empty());
    if (!user.empty() && !bot_post) {
        e.actor = m_directory.actor(user, m_people, json::member(message, "user_profile"));
    } else if (bot_post || !bot_id.empty()) {
        e.actor.id = !bot_id.empty() ? std::string(bot_id) : std::string(user);
        std::string_view name = str(message, "username");
        if (name.empty())
            if (auto profile = json::member(message, "bot_profile")) name = str(*profile, "name");
        e.actor.name = repair_utf8(trim(name));
        if (e.actor.name.empty() && !user.empty()) e.actor = m_directory.actor(user, m_people);
    }
    const User* known = user.empty() ? nullptr : m_directory.find_user(user);
    e.flags.bot = bot_post || !bot_id.empty() || (known && known->is_bot);
    e.flags.edited = changed || json::member(message, "edited").has_value();
    if (auto pins = json::array_member(message, "pinned_to")) e.flags.pinned = pins->size() > 0;
    if (auto reactions = json::array_member(message, "reactions"))
        for (json::Element r : *reactions)
            if (auto name = json::string_member(r, "name"); name && !name->empty())
                e.flags.reactions.push_back(repair_utf8(*name));

    std::string thread(str(message, "thread_ts"));
    if (!thread.empty()) e.thread = thread;
    if (!m_workspace.empty()) e.links.push_back(permalink(m_workspace, channel.id, ts, thread));

    RichText text = render_text(message);
    // Spans close inside out (`*_x_*` closes italic first); list them by start, outer first.
    std::stable_sort(text.spans.begin(), text.spans.end(), [](const Span& a, const Span& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    e.text = std::move(text.text);
    e.spans = std::move(text.spans);

    if (e.flags.bot) {
        // One event per alert when the attachments describe several; the post is their `record`.
        std::vector<std::pair<PostedAlert, json::Element>> alerts;
        if (auto atts = json::array_member(message, "attachments"))
            for (json::Element att : *atts)
                if (auto a = alert_from_attachment(att)) alerts.emplace_back(std::move(*a), att);
        if (alerts.empty())
            if (auto a = alert_from_text(e.text)) alerts.emplace_back(std::move(*a), message);
        auto as_alert = [](Event& ev, const PostedAlert& a) {
            ev.kind = EventKind::alert;
            ev.source.vendor = a.vendor;
            ev.alert = AlertInfo{a.key, {}, a.state, a.severity, {}};
        };
        if (alerts.size() == 1) {
            as_alert(e, alerts.front().first);
        } else if (alerts.size() > 1) {
            for (std::size_t i = 0; i < alerts.size(); ++i) {
                Event part = e;
                part.id = fmt::format("{}#{}", e.id, i + 1);
                part.record = e.id;
                RichText t;
                append_attachment(alerts[i].second, m_names, t);
                part.text = std::move(t.text);
                part.spans = std::move(t.spans);
                as_alert(part, alerts[i].first);
                out.push_back(std::move(part));
            }
            return;
        }
    }
    out.push_back(std::move(e));
}

}  // namespace retro::ingest::slack
