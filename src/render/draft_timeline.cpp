// The draft's `## Timeline` in the house style of the published retros (the seed): one `### Weekday D Month`
// heading per local day, `See <permalink>` for the channel where the incident was discussed, then entries
// `HH.MM INITIALS text` with `\` at the end of every line that continues, alert groups as
// `HH.MM #channel: NAME until last at HH.MM (N times)`, same-minute alerts of one channel as one entry with
// continuation lines (the seed's 11.14), e-mails naming the sender, status-page updates, a file as a link to it.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/sentences.hpp"
#include "core/text_utf8.hpp"
#include "render/attachment_links.hpp"
#include "render/draft_sections.hpp"
#include "render/markdown_escape.hpp"

namespace retro::render {
namespace {

std::string first_line(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view line = trim(text.substr(start, nl - start));
        if (!line.empty()) return std::string(line);
        start = nl + 1;
    }
    return {};
}

constexpr std::size_t gist_bytes = 200;

// The gist of an e-mail whose text is its subject, then its body's first paragraphs: the body's first sentence
// that says something (three words or more, not a lead-in ending in ':'), cut at a word; "" when none, or when
// it only repeats the subject.
std::string mail_gist(std::string_view text, std::string_view subject) {
    const std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return {};
    for (const Sentence& s : split_sentences(text.substr(nl + 1))) {
        const std::string& sentence = s.text;
        if (sentence.back() == ':' || std::count(sentence.begin(), sentence.end(), ' ') < 2) continue;
        std::string_view bare = sentence;
        while (!bare.empty() && (bare.back() == '.' || bare.back() == '!')) bare.remove_suffix(1);
        if (iequals_ascii(bare, subject)) return {};
        return cut_at_word(sentence, gist_bytes);
    }
    return {};
}

// Joins Markdown lines into one entry: `\` ends every text line followed by another text line; code blocks
// stand apart with blank lines around them, as in the seed's 12.06.
void append_entry(std::string& out, const std::vector<MarkdownLine>& lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const MarkdownLine& line = lines[i];
        const bool next_is_text = i + 1 < lines.size() && !lines[i + 1].is_code;
        const bool next_is_code = i + 1 < lines.size() && lines[i + 1].is_code;
        out += line.text;
        if (!line.is_code && next_is_text) out += '\\';
        out += '\n';
        if (!line.is_code && next_is_code) out += '\n';
        if (line.is_code && next_is_text) out += '\n';  // a code line before text is a closing fence
    }
    out += '\n';
}

// What an alert entry is called: a chat post by its first line, an alert system's group by its key.
std::string alert_name(const TimelineEntry& e) {
    std::string name(without_leading_short_codes(first_line(e.text)));
    if (e.group && (e.medium != Medium::chat || name.empty())) name = e.group->key;
    return name.empty() ? std::string("alert") : name;
}

// The length of the phrase up to the first ": " when every name opens with it and none is only that (0 if
// not): "Updown alert DOWN: ", never reaching into the names themselves ("Experience: Content: Homepage").
std::size_t shared_phrase(const std::vector<std::string>& names) {
    const std::string& first = names.front();
    const std::size_t colon = first.find(": ");
    if (colon == std::string::npos) return 0;
    const std::size_t len = colon + 2;
    bool all = std::all_of(names.begin(), names.end(), [&](const std::string& n) {
        return n.size() > len && n.compare(0, len, first, 0, len) == 0;
    });
    return all ? len : 0;
}

class TimelineWriter {
public:
    TimelineWriter(DraftContext& context, std::string& out) : m_ctx(context), m_out(out) {}

    void write() {
        const Timeline& t = m_ctx.timeline();
        const TimeZone& tz = m_ctx.options().tz;
        std::string day;
        bool linked = false;  // the discussion's link opens the incident's first day, after any lead-up changes
        for (const TimelineEntry& e : t.entries) {
            const std::string this_day = format_local_date(e.time, tz);
            if (this_day != day) {
                day = this_day;
                m_out += fmt::format("### {}\n\n", format_day_heading(e.time, tz, m_ctx.spans_years()));
                if (!linked && !e.lead_up) {
                    write_discussion_link();
                    linked = true;
                }
            }
            write_entry(e);
        }
        if (t.entries.empty()) {
            m_out +=
                "<!-- retro: no events fell inside the incident window; check the sources and --from/--until -->\n\n";
        }
    }

private:
    void write_discussion_link() {
        const Timeline& t = m_ctx.timeline();
        const std::string link = t.discussion_link.empty() ? std::string() : m_ctx.plain(t.discussion_link);
        if (!link.empty()) {
            std::vector<Span> spans{Span{0, link.size(), SpanType::link, link}};
            m_out += "See " + escape_inline(link, spans, LineStart::inline_text) + "\n\n";
        }
    }

    // The entry's initials (letters, as the correlator makes them; escaped all the same, as any field).
    static std::string initials_md(const TimelineEntry& e) {
        return escape_inline(e.initials, {}, LineStart::inline_text);
    }

    std::string time_prefix(const TimelineEntry& e) const {
        if (e.precision == Precision::day) return {};
        return format_hh_mm(e.time, m_ctx.options().tz) + " ";
    }

    // `#wc-platform-alerts: ` for chat channels, `cloudwatch: ` for an alert system, nothing when unknown.
    std::string channel_label(const TimelineEntry& e) {
        if (e.channel.empty()) return {};
        const std::string name = escape_inline(m_ctx.plain(e.channel), {}, LineStart::inline_text);
        return (is_chat_channel(e) ? "#" : "") + name + ":";
    }

    // NAME [until last at HH.MM] [(N times)] for an alert entry, escaped for a Markdown line start; `shared` is
    // the leading phrase its head line already says.
    std::string alert_line(const TimelineEntry& e, LineStart start, std::size_t shared = 0) {
        std::string md = escape_inline(m_ctx.plain(std::string_view(alert_name(e)).substr(shared)), {}, start);
        if (e.group && e.group->count == 0 && e.group->resolved) {
            md += " resolved";  // only the resolution fell inside the window
        } else if (e.group && e.group->count > 1) {
            const TimeZone& tz = m_ctx.options().tz;
            if (format_hh_mm(e.group->last, tz) != format_hh_mm(e.group->first, tz) ||
                format_local_date(e.group->last, tz) != format_local_date(e.group->first, tz)) {
                md += " until last at " + m_ctx.when(e.group->last);
            }
            md += fmt::format(" ({} times)", e.group->count);
        }
        return md;
    }

    // Same-minute alerts of one channel are one entry, headed as people write it: the phrase every line opens
    // with ("Updown alert DOWN:"), each line then naming what it is about; with no such phrase, how many.
    void write_alert(const TimelineEntry& e) {
        std::string head = time_prefix(e) + channel_label(e);
        if (e.continuations.empty()) {
            m_out += head + (head.empty() || head.back() == ' ' ? "" : " ") +
                     alert_line(e, head.empty() ? LineStart::block : LineStart::inline_text) + "\n\n";
            return;
        }
        std::vector<std::string> names{alert_name(e)};
        for (const TimelineEntry& c : e.continuations) names.push_back(alert_name(c));
        const std::size_t shared = shared_phrase(names);
        const std::string phrase = shared ? std::string(trim(std::string_view(names.front()).substr(0, shared)))
                                          : fmt::format("{} alerts:", names.size());
        if (!head.empty() && head.back() != ' ') head += ' ';
        std::vector<MarkdownLine> lines;
        lines.push_back({head + escape_inline(m_ctx.plain(phrase), {}, head.empty() ? LineStart::block
                                                                                      : LineStart::inline_text),
                         false});
        lines.push_back({alert_line(e, LineStart::block, shared), false});
        for (const TimelineEntry& c : e.continuations) lines.push_back({alert_line(c, LineStart::block, shared), false});
        append_entry(m_out, lines);
    }

    // `10.14 Email from Collections Systems Support: subject — gist`, or with the sender's initials as the
    // seed writes them, `11.24 CSS email from Collections Systems Support: subject — gist`: the gist is the
    // body's first sentence that says something (mail_gist).
    void write_email(const TimelineEntry& e) {
        const std::string from = e.actor_name.empty() ? std::string() : m_ctx.plain(e.actor_name);
        std::string head = time_prefix(e);
        head += !e.initials.empty() && !head.empty() ? initials_md(e) + " email" : std::string("Email");
        if (!from.empty() && from != e.initials) head += " from " + escape_inline(from, {}, LineStart::inline_text);
        const std::string text = m_ctx.plain(e.text);  // whole: a secret is known by what stands around it
        const std::string subject = first_line(text);
        const std::string gist = mail_gist(text, subject);
        if (!subject.empty()) head += ": " + escape_inline(subject, {}, LineStart::inline_text);
        if (!gist.empty()) {
            head += (subject.empty() ? ": " : " \u2014 ") + escape_inline(gist, {}, LineStart::inline_text);
        }
        m_out += head + "\n\n";
    }

    // `11.45 Status page Wellcome Collection: Investigating - Users cannot log in`; the state is added in
    // brackets only when the update's text does not start with it.
    void write_status(const TimelineEntry& e) {
        std::string head = time_prefix(e) + "Status page";
        if (e.status && !e.status->page.empty()) {
            head += " " + escape_inline(m_ctx.plain(e.status->page), {}, LineStart::inline_text);
        }
        const std::string state = e.status ? e.status->state : std::string();
        const std::string text = m_ctx.plain(first_line(e.text));
        if (!state.empty() && !starts_with_icase(text, state)) {
            head += " (" + escape_inline(m_ctx.plain(state), {}, LineStart::inline_text) + ")";
        }
        if (!text.empty()) head += ": " + escape_inline(text, {}, LineStart::inline_text);
        m_out += head + "\n\n";
    }

    void write_message(const TimelineEntry& e) {
        const RedactedText body = show_attachments(m_ctx.text(e.text, e.spans));
        std::string head = time_prefix(e);
        LineStart start = head.empty() ? LineStart::block : LineStart::after_time;
        if (!e.initials.empty() && !head.empty()) {
            head += initials_md(e) + " ";
            start = LineStart::inline_text;
        }
        std::vector<MarkdownLine> lines = render_text_lines(body.text, body.spans, start);
        if (lines.empty() || lines.front().is_code) {
            std::string bare = head;
            while (!bare.empty() && bare.back() == ' ') bare.pop_back();
            if (bare.empty()) bare = "<!-- retro: an entry with no text -->";
            lines.insert(lines.begin(), MarkdownLine{bare, false});
        } else {
            lines.front().text = head + lines.front().text;
        }
        append_entry(m_out, lines);
    }

    // `18.21 GE merged #6583 Cardigan: fix the header (main) https://github.com/…/pull/6583`: the change's
    // own line, then its link when the text does not hold it.
    void write_change(const TimelineEntry& e) {
        std::string head = time_prefix(e);
        if (!e.initials.empty() && !head.empty()) head += initials_md(e) + " ";
        const std::string text = m_ctx.plain(first_line(e.text));
        std::string line = head + escape_inline(text, {}, head.empty() ? LineStart::block : LineStart::inline_text);
        const std::string url = e.change ? m_ctx.plain(e.change->url) : std::string();
        if (!url.empty() && text.find(url) == std::string::npos) {
            std::vector<Span> spans{Span{0, url.size(), SpanType::link, url}};
            line += " " + escape_inline(url, spans, LineStart::inline_text);
        }
        m_out += line + "\n\n";
    }

    void write_entry(const TimelineEntry& e) {
        if (e.group || e.kind == EventKind::alert) return write_alert(e);
        if (e.kind == EventKind::change) return write_change(e);
        if (e.kind == EventKind::email) return write_email(e);
        if (e.kind == EventKind::status) return write_status(e);
        write_message(e);
    }

    DraftContext& m_ctx;
    std::string& m_out;
};

}  // namespace

bool is_chat_channel(const TimelineEntry& e) {
    // An alert merged with its chat post keeps the first record's medium but shows the post's channel; an
    // alert seen only in its own system names that system as its channel.
    return e.group ? e.group->posted_in_chat : e.medium == Medium::chat;
}

void write_timeline(DraftContext& context, std::string& out) {
    TimelineWriter(context, out).write();
}

}  // namespace retro::render
