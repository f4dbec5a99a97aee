// Retro and notes timelines → events. Spec: DESIGN.md ("What becomes an event", retro / notes line) and
// issue 3. A day heading without a year takes the year of `Incident from` (or of --from / the day hint);
// lines before any day heading take that date itself.
#include "ingest/retro/retro_ingester.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "ingest/registry_rows.hpp"
#include "io/byte_streams.hpp"
#include "retrodoc/document_timeline.hpp"
#include "retrodoc/line_time.hpp"
#include "retrodoc/markdown_outline.hpp"
#include "retrodoc/retro_document.hpp"
#include "retrodoc/stated_date.hpp"
#include "retrodoc/timeline_text.hpp"

namespace retro::ingest {

using namespace retrodoc;

namespace {

std::optional<CalendarDate> metadata_date(const RetroDocument& doc) {
    for (const RetroMetadata& md : doc.metadata) {
        if (!iequals_ascii(md.key, "incident from")) continue;
        if (auto local = parse_iso8601_local(md.value)) return date_of(*local);
        if (auto d = parse_day_date(md.value); d && d->year) return date_in_timeline(*d, std::nullopt);
    }
    return std::nullopt;
}

std::optional<CalendarDate> option_date(const IngestOptions& options) {
    if (options.day_hint) return options.day_hint;
    if (options.from) return date_of(to_local(*options.from, options.tz));
    return std::nullopt;
}

std::string_view skip_preamble(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty()) {
        const std::size_t end = head.find_first_of("\r\n");
        std::string_view line = trim(head.substr(0, end));
        if (line.empty()) {
        } else if (line.starts_with("<!--")) {
            const std::size_t close = head.find("-->");
            if (close == std::string_view::npos) return {};
            head.remove_prefix(close + 3);
            continue;
        } else {
            return head;
        }
        if (end == std::string_view::npos) return {};
        head.remove_prefix(end + 1);
    }
    return head;
}

class TimelineEmitter {
public:
    TimelineEmitter(std::string_view kind, const Origin& origin, const IngestContext& context)
        : m_kind(kind), m_origin(origin), m_context(context) {}

    void emit(const RetroDocument& doc, std::optional<CalendarDate> base) {
        if (doc.images_as_text > 0) {
            report(Severity::warning, "ingest.markdown-capped", 1, 1,
                   fmt::format("{} image openers `![` past the first 1000 read as text when finding the "
                               "document's structure (cmark-gfm is quadratic in them)",
                               doc.images_as_text));
        }
        std::optional<CalendarDate> current = base;
        bool reported_no_day = false;
        for (const RetroDay& day : doc.days) {
            if (day.date) {
                current = resolve_day(day, base);
                if (!current) continue;
            }
            for (const RetroEntry& entry : day.entries) {
                if (entry.date) {  // a date written on the line (`2023-06-06 10:23 - …`) needs no day
                    emit_entry(day, entry, *entry.date);
                    continue;
                }
                if (!current) {
                    if (!reported_no_day) {
                        report(Severity::error, m_kind == "notes" ? "notes.no-day" : "retro.no-day", entry.line,
                               entry.column,
                               "timeline line has no day: add a day heading such as `### Thursday 25 July 2024`"
                               " or give --from");
                        reported_no_day = true;
                    }
                    m_context.sink.drop("no-day");
                    continue;
                }
                emit_entry(day, entry, *current);
            }
        }
    }

private:
    std::uint64_t line_of(std::uint32_t line) const { return m_origin.line - 1 + line; }

    void report(Severity severity, std::string code, std::uint32_t line, std::uint32_t column, std::string message) {
        m_context.diags.report(
            Diagnostic{severity, std::move(code), Location{m_origin.name, line_of(line), column}, std::move(message)});
    }

    std::optional<CalendarDate> resolve_day(const RetroDay& day, std::optional<CalendarDate> base) {
        const std::optional<CalendarDate> d = date_in_timeline(*day.date, base);
        if (!d) {
            report(Severity::error, m_kind + ".no-year", day.line, day.column,
                   fmt::format("day heading `{}` has no year and the file gives none (`Incident from`); "
                               "add the year or give --from",
                               day.text));
            m_context.sink.drop("no-day", day.entries.size());
            return std::nullopt;
        }
        if (!is_valid_date(*d)) {
            report(Severity::error, m_kind + ".bad-day", day.line, day.column,
                   fmt::format("day heading `{}` is not a real date in {}", day.text, d->year));
            m_context.sink.drop("no-day", day.entries.size());
            return std::nullopt;
        }
        return d;
    }

    void emit_entry(const RetroDay& day, const RetroEntry& entry, const CalendarDate& date) {
        const TimeZone& tz = m_context.options.tz;
        LocalDateTime local{date.year, date.month, date.day, 0, 0, 0, 0};
        Event e;
        if (entry.is_timed) {
            if (entry.hour < 0 || entry.hour > 23 || entry.minute < 0 || entry.minute > 59 || entry.second > 59) {
                report(Severity::warning, m_kind + ".bad-time", entry.line, entry.column,
                       fmt::format("`{}` is not a time of day", entry.time_text));
                m_context.sink.drop("bad-time");
                return;
            }
            local.hour = static_cast<unsigned>(entry.hour);
            local.minute = static_cast<unsigned>(entry.minute);
            // Seconds written (`10:23:45`) make the line exact; a line's time is otherwise its minute.
            e.precision = entry.second >= 0 ? Precision::exact : Precision::minute;
            if (entry.second >= 0) local.second = static_cast<unsigned>(entry.second);
            e.time_raw = entry.time_text;
        } else {
            e.precision = Precision::day;
            e.time_raw = day.text;
        }
        if (entry.utc_offset_minutes) {
            // A zone written beside the time wins over --tz: the reading is already an instant.
            e.time = resolve_local(local, TimeZone::utc()).instant - std::chrono::minutes(*entry.utc_offset_minutes);
        } else {
            const LocalResolution r = resolve_local(local, tz);
            if (r.kind == LocalKind::gap) {
                report(Severity::warning, m_kind + ".dst-gap", entry.line, entry.column,
                       fmt::format("{:04}-{:02}-{:02} {:02}.{:02} does not exist in {} (clocks went forward); "
                                   "taken as the instant after the gap",
                                   local.year, local.month, local.day, local.hour, local.minute, tz.name()));
            } else if (r.kind == LocalKind::overlap) {
                report(Severity::warning, m_kind + ".dst-overlap", entry.line, entry.column,
                       fmt::format("{:04}-{:02}-{:02} {:02}.{:02} happens twice in {} (clocks went back); "
                                   "taken as the earlier",
                                   local.year, local.month, local.day, local.hour, local.minute, tz.name()));
            }
            e.time = r.instant;
        }
        e.id = fmt::format("retro:{}#L{}", m_origin.name, line_of(entry.line));
        e.kind = EventKind::note;
        e.source.kind = m_kind;
        e.source.medium = Medium::document;
        e.source.origin = m_origin.name;
        e.source.line = line_of(entry.line);
        if (!entry.initials.empty()) {
            e.actor.initials = entry.initials;
            if (auto person = m_context.options.people.find(entry.initials)) e.actor.name = person->name;
        } else if (!entry.actor_name.empty()) {
            e.actor.name = entry.actor_name;
            if (auto person = m_context.options.people.find(entry.actor_name)) {
                e.actor.name = person->name;
                e.actor.initials = person->initials;
            }
        }
        // The time's link target is bytes as written: repaired as the text is, so a NUL or a broken
        // sequence in it does not reach the stream (the reader would drop what the writer kept).
        if (!entry.time_url.empty()) e.links.push_back(repair_utf8(entry.time_url));
        PlainText text = entry_plain_text(entry.lines);
        e.text = std::move(text.text);
        e.spans = std::move(text.spans);
        m_context.sink.add(std::move(e));
    }

    std::string m_kind;
    const Origin& m_origin;
    const IngestContext& m_context;
};

// A retro or notes file is read whole, up to the smaller of max_file_bytes and what cmark-gfm may be given.
bool read_whole(Input& input, const IngestContext& context, std::string& bytes) {
    return io::read_all(input, bytes, std::min(context.options.limits.max_file_bytes, max_markdown_bytes),
                        context.diags);
}

}  // namespace

int detect_retro(const Probe& probe) {
    std::string_view head = skip_preamble(probe.head);
    if (starts_with_icase(head, "# incident retro")) return 90;
    return 0;
}

namespace {

// A section heading (`## Timeline`, `### Root cause`): a heading below the title that names no day.
bool is_section_heading(std::string_view line) {
    if (!line.starts_with("##")) return false;
    line.remove_prefix(std::min(line.find_first_not_of('#'), line.size()));
    line = trim(line);
    if (line.size() > 4 && line.starts_with("**") && line.ends_with("**")) line = trim(line.substr(2, line.size() - 4));
    return !parse_day_date(line) && !looks_like_day_date(line);
}

// A notes file: no front matter, no section headings (day headings and a title only), and lines that are
// mostly `HH.MM …` timeline lines and day headings (the first 200 lines). Anything else with a timeline in
// it is a document (read_document_timeline).
bool is_notes_file(std::string_view head) {
    head = skip_preamble(head);
    if (head.empty() || head.front() == '{' || head.front() == '[') return false;
    if (head.starts_with("---") || head.starts_with("+++")) return false;
    std::size_t timed = 0, other = 0, lines = 0;
    while (!head.empty() && lines < 200) {
        const std::size_t end = head.find_first_of("\r\n");
        std::string_view line = trim(head.substr(0, end));
        if (end == std::string_view::npos) {
            head = {};
        } else {
            head.remove_prefix(end + 1);
        }
        ++lines;
        if (is_section_heading(line)) return false;
        if (line.empty() || line.starts_with('#') || line.starts_with("<!--")) continue;
        if (line.starts_with("- ") || line.starts_with("* ")) line = trim(line.substr(2));
        int h = 0, m = 0;
        if (match_line_time(line, h, m) > 0) {
            ++timed;
        } else if (!parse_day_date(line)) {
            ++other;
        }
    }
    return timed >= 1 && timed >= other;
}

// Some line of `head` starts, after indentation, quote and list markers, bold or a table pipe, with a time
// or a date and time, or ends with one (`First detected 2020-08-14 10:43`): worth reading as Markdown.
bool has_timed_line(std::string_view head) {
    while (!head.empty()) {
        const std::size_t end = head.find('\n');
        std::string_view line = trim(head.substr(0, end));
        head = end == std::string_view::npos ? std::string_view{} : head.substr(end + 1);
        while (!line.empty() && (line.front() == '>' || line.front() == '|' || line.front() == '-' ||
                                 line.front() == '*' || line.front() == '+' || line.front() == ' ')) {
            line.remove_prefix(1);
        }
        if (match_timeline_time(line)) return true;
        for (std::size_t p = line.find(' '); p != std::string_view::npos; p = line.find(' ', p + 1)) {
            if (auto t = match_timeline_time(line.substr(p + 1)); t && t->date) return true;
        }
    }
    return false;
}

// Any other Markdown document with a timeline inside (a published postmortem): it has a heading or a
// title, and three timed lines, or one under a heading or label that names a timeline. README files,
// changelogs (dated headings, no times) and docs are not.
bool is_document_with_timeline(std::string_view head) {
    head = skip_preamble(head);
    if (head.empty() || head.front() == '{' || head.front() == '[') return false;
    if (head.find('\0') != std::string_view::npos || !has_timed_line(head)) return false;
    const DocumentTimeline timeline = read_document_timeline(head);
    if (timeline.doc.headings.empty() && timeline.title.empty()) return false;
    return timeline.entries >= 3 || timeline.entries_in_timeline_section >= 1;
}

}  // namespace

int detect_notes(const Probe& probe) {
    if (is_notes_file(probe.head)) return 60;
    if (is_document_with_timeline(probe.head)) return 40;
    return 0;
}

void parse_retro(std::string_view bytes, const Origin& origin, const IngestContext& context) {
    const RetroDocument doc = read_retro_document(bytes);
    std::optional<CalendarDate> base = metadata_date(doc);
    if (!base) base = option_date(context.options);
    TimelineEmitter("retro", origin, context).emit(doc, base);
}

void parse_notes(std::string_view bytes, const Origin& origin, const IngestContext& context) {
    if (is_notes_file(bytes)) {
        // Day headings without a year take it from --from, else from a date the title states.
        const RetroDocument doc = read_notes_document(bytes);
        std::optional<CalendarDate> base = option_date(context.options);
        if (!base && doc.title) base = first_stated_date(doc.title->text);
        TimelineEmitter("notes", origin, context).emit(doc, base);
        return;
    }
    // A document with a timeline inside: its own date (a heading's, the title's, the first sentence's)
    // before --from's.
    const DocumentTimeline timeline = read_document_timeline(bytes);
    std::optional<CalendarDate> base = timeline.stated_date;
    if (!base) base = option_date(context.options);
    TimelineEmitter("notes", origin, context).emit(timeline.doc, base);
}

void ingest_retro(Input& input, const IngestContext& context) {
    std::string bytes;
    read_whole(input, context, bytes);
    parse_retro(bytes, Origin{input.name, 1, 1}, context);
}

void ingest_notes(Input& input, const IngestContext& context) {
    std::string bytes;
    read_whole(input, context, bytes);
    parse_notes(bytes, Origin{input.name, 1, 1}, context);
}

const Ingester retro_ingester{"retro", detect_retro, ingest_retro};
const Ingester notes_ingester{"notes", detect_notes, ingest_notes};

}  // namespace retro::ingest
