// Slack ts values and permalinks (input-formats.md §1.8).
#include "ingest/slack/slack_ts.hpp"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace retro::ingest::slack {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::optional<Instant> parse_ts(std::string_view ts) {
    auto dot = ts.find('.');
    std::string_view whole = ts.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : ts.substr(dot + 1);
    if (!all_digits(whole) || whole.size() > 12) return std::nullopt;
    if (dot != std::string_view::npos && (!all_digits(frac) || frac.size() > 6)) return std::nullopt;
    std::int64_t seconds = 0;
    for (char c : whole) seconds = seconds * 10 + (c - '0');
    // Like every time parser, only years up to 9999 (what format_utc and the event reader take): twelve
    // digits reach year 33658.
    constexpr std::int64_t max_seconds = 253'402'300'799;  // 9999-12-31T23:59:59Z
    if (seconds > max_seconds) return std::nullopt;
    std::int64_t micros = 0;
    for (std::size_t i = 0; i < 6; ++i) micros = micros * 10 + (i < frac.size() ? frac[i] - '0' : 0);
    return Instant(std::chrono::seconds(seconds)) + std::chrono::microseconds(micros);
}

std::optional<std::string> ts_of_number(double value) {
    if (!std::isfinite(value) || value < 0 || value >= 4294967296.0) return std::nullopt;
    // The shortest text that reads back as this double: more than six decimals (or an exponent) means the
    // number was written with more precision than a ts has.
    const std::string shortest = fmt::format("{}", value);
    if (shortest.find_first_of("eE") != std::string::npos) return std::nullopt;
    if (const auto dot = shortest.find('.'); dot != std::string::npos && shortest.size() - dot - 1 > 6)
        return std::nullopt;
    return fmt::format("{:.6f}", value);
}

std::string permalink(std::string_view workspace, std::string_view channel_id, std::string_view ts,
                      std::string_view thread_ts) {
    std::string url = "https://";
    url += workspace;
    if (workspace.find('.') == std::string_view::npos) url += ".slack.com";
    url += "/archives/";
    url += channel_id;
    url += "/p";
    for (char c : ts)
        if (c != '.') url += c;
    if (!thread_ts.empty() && thread_ts != ts) {
        url += "?thread_ts=";
        url += thread_ts;
        url += "&cid=";
        url += channel_id;
    }
    return url;
}

void add_permalink(Event& e, std::string_view workspace, std::string_view channel_id) {
    e.links.insert(e.links.begin(), permalink(workspace, channel_id, e.time_raw, e.thread));
}

std::string workspace_from_url(std::string_view url) {
    constexpr std::string_view scheme = "https://";
    if (url.substr(0, scheme.size()) != scheme) return {};
    url.remove_prefix(scheme.size());
    auto slash = url.find('/');
    std::string_view host = url.substr(0, slash);
    constexpr std::string_view plain = ".slack.com";
    constexpr std::string_view grid = ".enterprise.slack.com";
    if (host.size() > grid.size() && host.substr(host.size() - grid.size()) == grid) return std::string(host);
    if (host.size() > plain.size() && host.substr(host.size() - plain.size()) == plain) {
        std::string_view name = host.substr(0, host.size() - plain.size());
        if (name == "files" || name == "app" || name == "api" || name.find('.') != std::string_view::npos) return {};
        return std::string(name);
    }
    return {};
}

std::string find_workspace(std::string_view json_text) {
    constexpr std::string_view domain = ".slack.com";
    for (std::size_t at = json_text.find(domain); at != std::string_view::npos; at = json_text.find(domain, at + 1)) {
        std::string_view after = json_text.substr(at + domain.size());
        if (!after.starts_with("/files/") && !after.starts_with("\\/files\\/")) continue;
        std::size_t begin = at;
        while (begin > 0) {
            char c = json_text[begin - 1];
            bool host_char =
                (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!host_char) break;
            --begin;
        }
        std::string_view before = json_text.substr(0, begin);
        if (!before.ends_with("https://") && !before.ends_with("https:\\/\\/")) continue;
        std::string host(json_text.substr(begin, at + domain.size() - begin));
        if (auto ws = workspace_from_url("https://" + host + "/files/"); !ws.empty()) return ws;
    }
    return {};
}

}  // namespace retro::ingest::slack
