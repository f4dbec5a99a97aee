// RETRO001 title, RETRO002 metadata, RETRO003 date-order, RETRO004 filename-date: the head of a retro as
// the house style writes it (DESIGN.md "The retro document", the seed retro).
#include <filesystem>

#include <fmt/format.h>

#include "core/text_utf8.hpp"
#include "lint/rule.hpp"
#include "retro/time.hpp"

namespace retro::lint {
namespace {

using retrodoc::RetroMetadata;

constexpr std::string_view from_key = "Incident from";

const RetroMetadata* metadata_from(const retrodoc::RetroDocument& doc) {
    return find_metadata(doc, {"incident from"});
}
const RetroMetadata* metadata_until(const retrodoc::RetroDocument& doc) {
    return find_metadata(doc, {"incident until", "incident till"});
}
const RetroMetadata* metadata_held(const retrodoc::RetroDocument& doc) {
    return find_metadata(doc, {"retro held"});
}

// `<!-- retro: the date of the retro meeting, YYYY-MM-DD -->`: one HTML comment and nothing else.
bool is_comment_only(std::string_view value) {
    return value.starts_with("<!--") && value.ends_with("-->") && value.size() >= 7 &&
           value.find("-->") == value.size() - 3;
}

std::uint32_t title_line(const retrodoc::RetroDocument& doc) {
    return doc.title ? doc.title->line : 1;
}

}  // namespace

const retrodoc::RetroMetadata* find_metadata(const retrodoc::RetroDocument& doc,
                                             std::initializer_list<std::string_view> keys) {
    for (const RetroMetadata& md : doc.metadata) {
        for (std::string_view key : keys) {
            if (iequals_ascii(md.key, key)) return &md;
        }
    }
    return nullptr;
}

void check_title(RuleContext& context) {
    const auto& doc = context.doc;
    if (!doc.title) {
        context.report(1, 1, "no title: a retro starts with `# Incident retro - <title>`", std::nullopt);
        return;
    }
    const retrodoc::RetroHeading& t = *doc.title;
    if (t.level != 1) {
        // No title: said at line 1, where it belongs, as markdownlint's MD041 does.
        context.report(1, 1,
                       fmt::format("the first heading{} is level {}; the title is a level-1 heading "
                                   "`# Incident retro - …`",
                                   t.line == 1 ? std::string() : fmt::format(" (line {})", t.line), t.level),
                       std::nullopt);
        return;
    }
    if (!starts_with_icase(t.text, "incident retro")) {
        context.report(t.line, t.column, "the title does not start with `Incident retro - `", std::nullopt);
        return;
    }
    std::string_view rest = trim(std::string_view(t.text).substr(14));
    for (std::string_view dash : {"-", ":", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        if (rest.starts_with(dash)) {
            rest = trim(rest.substr(dash.size()));
            break;
        }
    }
    if (rest.empty() || rest == std::string_view(trim(std::string_view(t.text).substr(14)))) {
        context.report(t.line, t.column, "the title names no incident: write `# Incident retro - <what happened>`",
                       std::nullopt);
    }
}

void check_metadata(RuleContext& context) {
    const auto& doc = context.doc;
    std::vector<std::vector<std::string>> required;
    if (!context.config.required_metadata.empty()) {
        for (const std::string& key : context.config.required_metadata) {
            if (iequals_ascii(key, "incident until") || iequals_ascii(key, "incident till")) {
                required.push_back({"Incident until", "Incident till"});
            } else {
                required.push_back({key});
            }
        }
    } else {
        required = {{"Incident from"}, {"Incident until", "Incident till"}, {"Retro held"}};
    }
    for (const auto& alternatives : required) {
        const RetroMetadata* found = nullptr;
        for (const RetroMetadata& md : doc.metadata) {
            for (const std::string& key : alternatives) {
                if (iequals_ascii(md.key, key) && found == nullptr) found = &md;
            }
        }
        if (found == nullptr) {
            context.report(title_line(doc), 1,
                           fmt::format("missing metadata line `**{}:** YYYY-MM-DD`", alternatives.front()),
                           std::nullopt);
        }
    }
    for (const RetroMetadata& md : doc.metadata) {
        const bool is_date_key = iequals_ascii(md.key, "incident from") || iequals_ascii(md.key, "incident until") ||
                                 iequals_ascii(md.key, "incident till") || iequals_ascii(md.key, "retro held");
        if (!is_date_key) continue;
        // A draft written before the retro meeting holds a prompt where its date goes: not done yet, not wrong.
        if (iequals_ascii(md.key, "retro held") && is_comment_only(md.value)) {
            context.report(
                md.line, md.value_column,
                fmt::format("`{}` is still a prompt: write the date of the retro meeting (YYYY-MM-DD)", md.key),
                Severity::warning);
            continue;
        }
        if (md.value.empty()) {
            context.report(md.line, md.value_column, fmt::format("`{}` has no date (YYYY-MM-DD)", md.key),
                           std::nullopt);
        } else if (!parse_iso_date(md.value)) {
            context.report(md.line, md.value_column,
                           fmt::format("`{}` is `{}`, not a date that exists in the form YYYY-MM-DD", md.key, md.value),
                           std::nullopt);
        }
    }
}

void check_date_order(RuleContext& context) {
    const auto& doc = context.doc;
    const RetroMetadata* from_md = metadata_from(doc);
    const RetroMetadata* until_md = metadata_until(doc);
    const RetroMetadata* held_md = metadata_held(doc);
    const auto from = from_md ? parse_iso_date(from_md->value) : std::nullopt;
    const auto until = until_md ? parse_iso_date(until_md->value) : std::nullopt;
    const auto held = held_md ? parse_iso_date(held_md->value) : std::nullopt;
    if (from && until && *until < *from) {
        context.report(
            until_md->line, until_md->value_column,
            fmt::format("`{}` {} is before `{}` {}", until_md->key, until_md->value, from_md->key, from_md->value),
            std::nullopt);
    }
    if (from && held && *held < *from) {
        context.report(
            held_md->line, held_md->value_column,
            fmt::format("`{}` {} is before `{}` {}", held_md->key, held_md->value, from_md->key, from_md->value),
            std::nullopt);
    } else if (until && held && *held < *until && (!from || !(*until < *from))) {
        context.report(held_md->line, held_md->value_column,
                       fmt::format("`{}` {} is before `{}` {}: was the retro held before the incident ended?",
                                   held_md->key, held_md->value, until_md->key, until_md->value),
                       Severity::warning);
    }
}

void check_filename_date(RuleContext& context) {
    const std::string base = std::filesystem::path(std::string(context.file_name)).filename().string();
    if (base.size() < 10) return;
    const auto named = parse_iso_date(std::string_view(base).substr(0, 10));
    if (!named) return;
    const RetroMetadata* from_md = metadata_from(context.doc);
    const auto from = from_md ? parse_iso_date(from_md->value) : std::nullopt;
    if (!from || *from == *named) return;
    context.report(from_md->line, from_md->value_column,
                   fmt::format("the file name starts with {} but `{}` is {}", format_iso_date(*named), from_key,
                               format_iso_date(*from)),
                   std::nullopt);
}

}  // namespace retro::lint
