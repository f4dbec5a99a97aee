// Painting severities (cli/color.hpp). SGR sequences only, always closed on the same line, so a painted
// line cut by a pager or a terminal never leaves the colour on.
#include "cli/color.hpp"

#include <array>
#include <atomic>
#include <cstdlib>

#include <unistd.h>

namespace retro::cli {
namespace {

std::atomic<ColorChoice> chosen{ColorChoice::automatic};

constexpr std::string_view reset = "\033[0m";

std::string_view sgr_of(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "\033[1;31m";
        case Severity::warning:
            return "\033[1;33m";
        case Severity::note:
            return "\033[36m";
    }
    return "";
}

struct Label {
    std::size_t at = std::string_view::npos;  // where the severity word starts
    std::size_t size = 0;
    Severity severity = Severity::error;
};

// The first `: SEVERITY: ` at or after `from`; of several kinds, the earliest (a label inside a file name
// comes first only for a file named so, and then only that word is painted).
Label find_label(std::string_view line, std::size_t from) {
    constexpr std::array severities{Severity::error, Severity::warning, Severity::note};
    Label best;
    for (Severity s : severities) {
        const std::string needle = ": " + std::string(to_string(s)) + ": ";
        const std::size_t at = line.find(needle, std::min(from, line.size()));
        if (at != std::string_view::npos && (best.at == std::string_view::npos || at < best.at))
            best = Label{at + 2, to_string(s).size(), s};
    }
    return best;
}

std::string painted(std::string_view line, const Label& label) {
    std::string out;
    out.reserve(line.size() + 16);
    out.append(line.substr(0, label.at));
    out.append(sgr_of(label.severity));
    out.append(line.substr(label.at, label.size));
    out.append(reset);
    out.append(line.substr(label.at + label.size));
    return out;
}

}  // namespace

void add_color_option(CLI::App& command) {
    command
        .add_option_function<std::string>(
            "--color",
            [](const std::string& when) {
                set_color_choice(when == "always"  ? ColorChoice::always
                                 : when == "never" ? ColorChoice::never
                                                   : ColorChoice::automatic);
            },
            "Colour severities: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->type_name("WHEN")
        ->check(CLI::IsMember({"auto", "always", "never"}));
}

void set_color_choice(ColorChoice choice) {
    chosen = choice;
}
ColorChoice color_choice() {
    return chosen;
}

bool is_capable_term(const char* term) {
    return term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
}

bool decide_color(ColorChoice choice, bool is_terminal, const char* no_color, const char* term) {
    switch (choice) {
        case ColorChoice::always:
            return true;
        case ColorChoice::never:
            return false;
        case ColorChoice::automatic:
            break;
    }
    if (no_color != nullptr && *no_color != '\0') return false;
    return is_terminal && is_capable_term(term);
}

bool is_color_on(int fd) {
    return decide_color(chosen, ::isatty(fd) == 1, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

std::string paint_severity(std::string_view line, std::size_t from) {
    const Label label = find_label(line, from);
    if (label.at == std::string_view::npos) return std::string(line);
    return painted(line, label);
}

std::string paint_finding(std::string_view text, std::size_t file_size, Severity severity) {
    const std::size_t first_end = text.find('\n');
    const std::string_view first = text.substr(0, first_end);
    const std::string needle = ": " + std::string(to_string(severity)) + ": ";
    const std::size_t at = first.find(needle, std::min(file_size, first.size()));
    std::string out = at == std::string_view::npos
                          ? std::string(first)
                          : painted(first, Label{at + 2, to_string(severity).size(), severity});
    if (first_end == std::string_view::npos) return out;
    out += '\n';
    const std::string_view rest = text.substr(first_end + 1);
    // The caret line, when there is one, is the last: blanks and tabs, then `^`.
    const std::string_view body = rest.ends_with('\n') ? rest.substr(0, rest.size() - 1) : rest;
    const std::size_t newline = body.rfind('\n');
    const std::size_t last_start = newline == std::string_view::npos ? 0 : newline + 1;
    const std::string_view last = body.substr(last_start);
    if (!last.ends_with('^') || last.find_first_not_of(" \t") != last.size() - 1) {
        out.append(rest);
        return out;
    }
    out.append(body.substr(0, body.size() - 1));
    out.append(sgr_of(severity));
    out += '^';
    out.append(reset);
    out.append(rest.substr(body.size()));
    return out;
}

}  // namespace retro::cli
