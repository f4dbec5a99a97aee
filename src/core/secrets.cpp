// Secret and personal-data detection. Token shapes follow the vendors' documented formats: Slack token
// prefixes (api.slack.com/authentication/token-types), AWS access key ids (AKIA/ASIA + 16), GitHub token
// prefixes (github.blog 2021-04-05 "Behind GitHub's new authentication token formats"), JWT (RFC 7519
// compact form), bearer tokens (RFC 6750), userinfo passwords in URLs (RFC 3986 §3.2.1).
// Hand-written scanners rather than std::regex: linear time, no backtracking on hostile input.
#include "core/secrets.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text_utf8.hpp"

namespace retro {
namespace {

bool is_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper_or_digit(char c) {
    return (c >= 'A' && c <= 'Z') || is_digit(c);
}
bool is_token_char(char c) {
    return is_alnum(c) || c == '-' || c == '_';
}
bool is_b64url(char c) {
    return is_alnum(c) || c == '-' || c == '_';
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Characters that make a match part of a longer identifier when they touch it.
bool is_identifier_char(char c) {
    return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == '\\' ||
           static_cast<unsigned char>(c) >= 0x80;
}

struct Range {
    std::size_t start, end;
};

// URL ranges: scheme://… up to a space or a delimiter Markdown puts around URLs.
std::vector<Range> find_urls(std::string_view text) {
    std::vector<Range> urls;
    std::size_t pos = 0;
    while ((pos = text.find("://", pos)) != std::string_view::npos) {
        std::size_t start = pos;
        while (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '+')) {
            --start;
        }
        std::size_t end = pos + 3;
        while (end < text.size() && !is_space(text[end]) && text[end] != '<' && text[end] != '>' && text[end] != '"' &&
               text[end] != '`' && text[end] != ')' && text[end] != ']') {
            ++end;
        }
        if (start < pos) urls.push_back({start, end});
        pos = end;
    }
    return urls;
}

bool inside(const std::vector<Range>& ranges, std::size_t start, std::size_t end) {
    return std::any_of(ranges.begin(), ranges.end(), [&](const Range& r) { return start >= r.start && end <= r.end; });
}

std::size_t run(std::string_view text, std::size_t from, bool (*pred)(char)) {
    std::size_t i = from;
    while (i < text.size() && pred(text[i])) ++i;
    return i - from;
}

bool boundary_before(std::string_view text, std::size_t i) {
    return i == 0 || !is_token_char(text[i - 1]);
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : m_text(text), m_urls(find_urls(text)) {}

    std::vector<SecretFinding> scan() {
        for (std::size_t i = 0; i < m_text.size(); ++i) {
            const char c = m_text[i];
            if (c == 'x' && boundary_before(m_text, i)) slack_token(i);
            if ((c == 'A') && boundary_before(m_text, i)) aws_key(i);
            if (c == 'a' || c == 'A') aws_secret(i);
            if (c == 'g' && boundary_before(m_text, i)) github_token(i);
            if (c == 'e' && boundary_before(m_text, i)) jwt(i);
            if ((c == 'B' || c == 'b') && boundary_before(m_text, i)) bearer(i);
            if (c == '?' || c == '&' || c == ';') url_parameter(i);
            if (c == ':' && i + 2 < m_text.size() && m_text[i + 1] == '/' && m_text[i + 2] == '/') url_password(i + 3);
            if (c == '-') private_key(i);
            if (c == '@') email(i);
            if ((c == '+' || c == '0' || c == '(') && phone_boundary(i)) phone(i);
        }
        std::sort(m_found.begin(), m_found.end(), [](const SecretFinding& a, const SecretFinding& b) {
            return a.start != b.start ? a.start < b.start : a.end > b.end;
        });
        std::vector<SecretFinding> out;
        for (const SecretFinding& f : m_found) {
            if (!out.empty() && f.start < out.back().end) continue;
            out.push_back(f);
        }
        return out;
    }

private:
    void add(std::size_t start, std::size_t end, SecretKind kind) { m_found.push_back({start, end, kind}); }

    void slack_token(std::size_t i) {
        std::string_view s = m_text.substr(i);
        const bool xox = s.size() > 5 && s.starts_with("xox") &&
                         std::string_view("abposre").find(s[3]) != std::string_view::npos && s[4] == '-';
        const bool xapp = s.starts_with("xapp-");
        if (!xox && !xapp) return;
        const std::size_t n = 5;  // "xoxb-" or "xapp-"
        const std::size_t body = run(m_text, i + n, is_token_char);
        if (body >= 10) add(i, i + n + body, SecretKind::slack_token);
    }

    void aws_key(std::size_t i) {
        std::string_view s = m_text.substr(i);
        if (!(s.starts_with("AKIA") || s.starts_with("ASIA"))) return;
        if (run(m_text, i + 4, is_upper_or_digit) != 16) return;
        if (i + 20 < m_text.size() && is_alnum(m_text[i + 20])) return;
        add(i, i + 20, SecretKind::aws_access_key);
    }

    void aws_secret(std::size_t i) {
        std::string_view s = m_text.substr(i);
        if (!starts_with_icase(s, "aws_secret_access_key")) return;
        std::size_t k = i + 21;
        while (k < m_text.size() && (m_text[k] == ' ' || m_text[k] == '"' || m_text[k] == '\'')) ++k;
        if (k >= m_text.size() || (m_text[k] != '=' && m_text[k] != ':')) return;
        ++k;
        while (k < m_text.size() && (m_text[k] == ' ' || m_text[k] == '"' || m_text[k] == '\'')) ++k;
        const std::size_t n = run(m_text, k, [](char c) { return is_alnum(c) || c == '/' || c == '+' || c == '='; });
        if (n >= 40) add(k, k + n, SecretKind::aws_access_key);
    }

    void github_token(std::size_t i) {
        std::string_view s = m_text.substr(i);
        if (s.starts_with("github_pat_")) {
            const std::size_t n = run(m_text, i + 11, is_token_char);
            if (n >= 22) add(i, i + 11 + n, SecretKind::github_token);
            return;
        }
        if (s.size() > 4 && s[0] == 'g' && s[1] == 'h' &&
            std::string_view("pousr").find(s[2]) != std::string_view::npos && s[3] == '_') {
            const std::size_t n = run(m_text, i + 4, [](char c) { return is_alnum(c); });
            if (n >= 36) add(i, i + 4 + n, SecretKind::github_token);
        }
    }

    void jwt(std::size_t i) {
        if (!m_text.substr(i).starts_with("eyJ")) return;
        std::size_t k = i;
        for (int part = 0; part < 3; ++part) {
            const std::size_t n = run(m_text, k, is_b64url);
            if (n < 8) return;
            k += n;
            if (part < 2) {
                if (k >= m_text.size() || m_text[k] != '.') return;
                ++k;
            }
        }
        add(i, k, SecretKind::jwt);
    }

    void bearer(std::size_t i) {
        if (!starts_with_icase(m_text.substr(i), "bearer")) return;
        std::size_t k = i + 6;
        const std::size_t spaces = run(m_text, k, [](char c) { return c == ' ' || c == '\t'; });
        if (spaces == 0) return;
        k += spaces;
        std::size_t n = run(m_text, k, [](char c) {
            return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        });
        std::size_t end = k + n;
        while (end < m_text.size() && m_text[end] == '=') ++end;
        // A real token has digits and letters; "Bearer authentication" is prose.
        std::string_view token = m_text.substr(k, end - k);
        const bool has_digit = std::any_of(token.begin(), token.end(), is_digit);
        if (token.size() >= 16 && has_digit) add(k, end, SecretKind::bearer_token);
    }

    void url_parameter(std::size_t i) {
        if (!inside(m_urls, i, i + 1)) return;
        static constexpr std::array<std::string_view, 11> names = {"t",        "token",  "access_token", "api_key",
                                                                   "apikey",   "key",    "sig",          "signature",
                                                                   "password", "secret", "client_secret"};
        const std::size_t eq = m_text.find('=', i + 1);
        if (eq == std::string_view::npos || eq - i > 20) return;
        const std::string name = to_lower_ascii(m_text.substr(i + 1, eq - i - 1));
        if (std::find(names.begin(), names.end(), name) == names.end()) return;
        const std::size_t n = run(m_text, eq + 1, [](char c) {
            return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '%' || c == '~' || c == '+' || c == '/';
        });
        if (n >= 6) add(eq + 1, eq + 1 + n, SecretKind::url_token);
    }

    void url_password(std::size_t authority) {
        // userinfo = user ":" password "@", all before the first '/', '?', '#' or space.
        std::size_t k = authority;
        std::size_t colon = std::string_view::npos;
        while (k < m_text.size() && !is_space(m_text[k]) && m_text[k] != '/' && m_text[k] != '?' && m_text[k] != '#' &&
               m_text[k] != '@' && m_text[k] != '<' && m_text[k] != '>') {
            if (m_text[k] == ':' && colon == std::string_view::npos) colon = k;
            ++k;
        }
        if (k < m_text.size() && m_text[k] == '@' && colon != std::string_view::npos && k > colon + 1) {
            add(colon + 1, k, SecretKind::url_password);
        }
    }

    void private_key(std::size_t i) {
        std::string_view s = m_text.substr(i);
        if (!s.starts_with("-----BEGIN ")) return;
        const std::size_t line_end = s.find("-----", 11);
        if (line_end == std::string_view::npos) return;
        std::string_view label = s.substr(11, line_end - 11);
        if (!label.ends_with("PRIVATE KEY")) return;
        const std::size_t end_marker = s.find("-----END ", line_end + 5);
        std::size_t end = s.size();
        if (end_marker != std::string_view::npos) {
            const std::size_t close = s.find("-----", end_marker + 9);
            end = close == std::string_view::npos ? s.size() : close + 5;
        }
        add(i, i + end, SecretKind::private_key);
    }

    void email(std::size_t at) {
        auto local_char = [](char c) {
            return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
        };
        std::size_t start = at;
        while (start > 0 && local_char(m_text[start - 1])) --start;
        while (start < at && m_text[start] == '.') ++start;
        if (start == at) return;
        std::size_t end = at + 1;
        std::size_t last_dot = std::string_view::npos;
        while (end < m_text.size() && (is_alnum(m_text[end]) || m_text[end] == '-' || m_text[end] == '.')) {
            if (m_text[end] == '.') last_dot = end;
            ++end;
        }
        while (end > at + 1 && m_text[end - 1] == '.') {
            --end;
            last_dot = m_text.substr(at, end - at).rfind('.');
            last_dot = last_dot == std::string_view::npos ? last_dot : at + last_dot;
        }
        if (last_dot == std::string_view::npos || last_dot < at + 2 || end - last_dot < 3) return;
        for (std::size_t k = last_dot + 1; k < end; ++k) {
            if (!std::isalpha(static_cast<unsigned char>(m_text[k]))) return;
        }
        if (inside(m_urls, start, end)) return;
        if (start > 0 && (m_text[start - 1] == '/' || m_text[start - 1] == '\\')) return;
        // Addresses that name no person: documentation examples and machine senders.
        const std::string domain = to_lower_ascii(m_text.substr(at + 1, end - at - 1));
        const std::string local = to_lower_ascii(m_text.substr(start, at - start));
        for (std::string_view example : {"example.com", "example.org", "example.net"}) {
            if (domain == example || domain.ends_with("." + std::string(example))) return;
        }
        for (std::string_view role : {"noreply", "no-reply", "donotreply", "do-not-reply", "git", "notifications",
                                      "mailer-daemon", "postmaster"}) {
            if (local == role) return;
        }
        add(start, end, SecretKind::email);
    }

    bool phone_boundary(std::size_t i) const {
        if (i == 0) return true;
        const char p = m_text[i - 1];
        return !is_identifier_char(p) && p != ':' && p != '=' && p != '#' && p != '+';
    }

    void phone(std::size_t i) {
        // +CC then digits with single spaces, hyphens or a parenthesised area code: 10 to 15 digits.
        // Or a national number starting with 0 written in groups (020 7611 2222, 07700 900123).
        std::size_t k = i;
        std::size_t digits = 0;
        const bool plus = m_text[i] == '+';
        if (plus) ++k;
        std::size_t groups = 1;
        while (k < m_text.size()) {
            const char c = m_text[k];
            if (is_digit(c)) {
                ++digits;
                ++k;
            } else if ((c == ' ' || c == '-' || c == '(' || c == ')') && k + 1 < m_text.size() &&
                       (is_digit(m_text[k + 1]) || (c == ')' && m_text[k + 1] == ' '))) {
                if (c == ' ' || c == '-') ++groups;
                ++k;
            } else {
                break;
            }
        }
        while (k > i && !is_digit(m_text[k - 1])) --k;
        if (k < m_text.size() && is_identifier_char(m_text[k]) && m_text[k] != '.') return;
        if (digits < 10 || digits > 15) return;
        std::string_view number = m_text.substr(i, k - i);
        if (!plus) {
            const std::size_t first_digit = number.find_first_of("0123456789");
            if (first_digit == std::string_view::npos || number[first_digit] != '0') return;
            // A bare 11-digit 07… is a UK mobile; other unspaced digit runs are ids, not phones.
            if (groups == 1 && !(digits == 11 && number.starts_with("07"))) return;
            // Dates and versions (2024-07-25) are not phones: those never start with 0 and 10+ digits.
        }
        if (inside(m_urls, i, k)) return;
        add(i, k, SecretKind::phone);
    }

    std::string_view m_text;
    std::vector<Range> m_urls;
    std::vector<SecretFinding> m_found;
};

}  // namespace

std::string_view to_string(SecretKind kind) {
    switch (kind) {
        case SecretKind::slack_token:
            return "slack-token";
        case SecretKind::aws_access_key:
            return "aws-key";
        case SecretKind::github_token:
            return "github-token";
        case SecretKind::jwt:
            return "jwt";
        case SecretKind::bearer_token:
            return "bearer-token";
        case SecretKind::url_token:
            return "url-token";
        case SecretKind::url_password:
            return "url-password";
        case SecretKind::private_key:
            return "private-key";
        case SecretKind::email:
            return "email";
        case SecretKind::phone:
            return "phone";
    }
    return "secret";
}

bool is_personal_data(SecretKind kind) {
    return kind == SecretKind::email || kind == SecretKind::phone;
}

std::vector<SecretFinding> find_secrets(std::string_view text) {
    return Scanner(text).scan();
}

bool is_personal_email(std::string_view address) {
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos) return false;
    const std::string_view local = address.substr(0, at);
    std::size_t parts = 0;
    std::size_t i = 0;
    while (i < local.size()) {
        const std::size_t start = i;
        while (i < local.size() && std::isalpha(static_cast<unsigned char>(local[i]))) ++i;
        if (i > start) ++parts;
        if (i < local.size() && local[i] != '.' && local[i] != '_' && local[i] != '-') return parts >= 2;
        ++i;
    }
    return parts >= 2;
}

}  // namespace retro
