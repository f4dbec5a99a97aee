// Secret and personal-data detection. Token shapes follow the vendors' documented formats: Slack token
// prefixes (api.slack.com/authentication/token-types) and incoming webhook URLs
// (api.slack.com/messaging/webhooks: hooks.slack.com/services/T…/B…/…), AWS access key ids (AKIA/ASIA + 16)
// and STS credentials (SecretAccessKey, SessionToken), GitHub token prefixes (github.blog 2021-04-05
// "Behind GitHub's new authentication token formats"), GitLab personal access tokens (glpat- and 20 or more
// characters, docs.gitlab.com "personal access token prefix"), Google API keys (AIza + 35), Stripe live
// secret and restricted keys (sk_live_/rk_live_ + 10 to 128 alphanumerics, as Stripe gave GitLab's secret
// detection), npm tokens (npm_ + 36, github.blog changelog "npm has a new access token format"), SendGrid
// keys (SG. + 22 + . + 43: 69 characters, SendGrid's API keys page), OpenAI project, service-account and admin
// keys (sk-proj-, sk-svcacct-, sk-admin-), Anthropic keys (sk-ant-<kind><version>-…), JWT (RFC 7519 compact
// form), bearer tokens (RFC 6750), Basic credentials (RFC 7617: base64 of user:password), userinfo passwords
// in URLs (RFC 3986 §3.2.1, with the raw `@` and `/` real pastes hold), PEM and OpenPGP private key blocks
// (RFC 7468, RFC 4880 §6.2), and `name=value` / `name: value` assignments whose name says password, secret or
// token (.env files, YAML, JSON).
// Hand-written scanners rather than std::regex: linear time, no backtracking on hostile input.
#include "core/secrets.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>

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
bool is_base64(char c) {
    return is_alnum(c) || c == '+' || c == '/';
}
bool is_name_char(char c) {
    return is_alnum(c) || c == '_' || c == '-' || c == '.';
}

// The value of a base64 digit, or -1.
int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (is_digit(c)) return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// True when `b64` decodes to printable ASCII holding a ':' (RFC 7617's user-id ":" password).
bool is_basic_credentials(std::string_view b64) {
    std::uint32_t bits = 0;
    int count = 0;
    bool colon = false;
    for (char c : b64) {
        if (c == '=') break;
        const int v = base64_value(c);
        if (v < 0) return false;
        bits = (bits << 6) | static_cast<std::uint32_t>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            const auto byte = static_cast<unsigned char>((bits >> count) & 0xFF);
            if (byte < 0x20 || byte > 0x7E) return false;
            colon = colon || byte == ':';
        }
    }
    return colon;
}

// What a `name=value` assignment holds, by its name: a password, an AWS secret, another secret, or nothing.
std::optional<SecretKind> kind_of_assigned(std::string_view raw_name) {
    std::string name;
    for (char c : raw_name) {
        if (c != '_' && c != '-' && c != '.') name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (std::string_view aws : {"secretaccesskey", "sessiontoken"}) {
        if (name.ends_with(aws)) return SecretKind::aws_access_key;
    }
    for (std::string_view pass : {"password", "passwd", "passphrase"}) {
        if (name.ends_with(pass)) return SecretKind::password;
    }
    for (std::string_view secret : {"secret", "token", "secretkey", "apikey", "privatekey"}) {
        if (name.ends_with(secret)) return SecretKind::secret_value;
    }
    return std::nullopt;
}

// Values that hold no secret: empty-ish placeholders and masks.
bool is_placeholder(std::string_view value) {
    const std::string v = to_lower_ascii(value);
    if (v.find_first_not_of("*x.") == std::string::npos) return true;
    for (std::string_view word : {"null", "none", "true", "false", "undefined", "changeme", "redacted", "<redacted>",
                                  "[redacted]", "********"}) {
        if (v == word) return true;
    }
    // `\[redacted: password\]` is the mark as a Markdown draft writes it, brackets escaped.
    return v.starts_with("[redacted") || v.starts_with("\\[redacted") || v.starts_with("${") || v.starts_with("{{") ||
           v.starts_with("<");
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
            const bool at_word = boundary_before(m_text, i);
            if (c == 'x' && at_word) slack_token(i);
            if (c == 'h') slack_webhook(i);
            if ((c == 'A') && at_word) aws_key(i);
            if (c == 'A' && at_word) google_key(i);
            if (c == 'g' && at_word) github_token(i);
            if (c == 'g' && at_word) gitlab_token(i);
            if ((c == 's' || c == 'r') && at_word) sk_key(i);
            if (c == 'n' && at_word) npm_token(i);
            if (c == 'S' && at_word) sendgrid_key(i);
            if (c == 'e' && at_word) jwt(i);
            if ((c == 'B' || c == 'b') && at_word) bearer(i);
            if ((c == 'B' || c == 'b') && at_word) basic(i);
            if (c == '?' || c == '&' || c == ';') url_parameter(i);
            if (c == ':' && i + 2 < m_text.size() && m_text[i + 1] == '/' && m_text[i + 2] == '/') url_password(i + 3);
            if (c == '=' || c == ':') assignment(i);
            if (c == '-') private_key(i);
            if (c == '@') email(i);
            if ((c == '+' || c == '0' || c == '(') && phone_boundary(i)) phone(i);
        }
        std::sort(m_found.begin(), m_found.end(), [](const SecretFinding& a, const SecretFinding& b) {
            // At one start the longest wins; of two equal ranges the named shape (a vendor's token) wins over
            // the generic one (a `TOKEN=` assignment): kinds are declared in that order.
            if (a.start != b.start) return a.start < b.start;
            if (a.end != b.end) return a.end > b.end;
            return a.kind < b.kind;
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

    // A run of `pred` characters of exactly `n` (when `exact`) or at least `n`, after a prefix at i, that
    // does not run on into a longer token; its end, or 0.
    std::size_t token_end(std::size_t body, std::size_t n, bool exact, bool (*pred)(char)) const {
        const std::size_t len = run(m_text, body, pred);
        if (exact ? len != n : len < n) return 0;
        if (body + len < m_text.size() && is_token_char(m_text[body + len])) return 0;
        return body + len;
    }

    void slack_webhook(std::size_t i) {
        std::string_view s = m_text.substr(i);
        if (!s.starts_with("hooks.slack.com/")) return;
        std::size_t k = i + 16;
        for (std::string_view path : {"services/", "workflows/", "triggers/"}) {
            if (m_text.substr(k).starts_with(path)) {
                k += path.size();
                const std::size_t n = run(m_text, k, [](char c) { return is_alnum(c) || c == '/'; });
                if (n >= 20) add(k, k + n, SecretKind::slack_webhook);
                return;
            }
        }
    }

    void google_key(std::size_t i) {
        if (!m_text.substr(i).starts_with("AIza")) return;
        if (std::size_t end = token_end(i + 4, 35, true, is_b64url)) add(i, end, SecretKind::google_api_key);
    }

    void gitlab_token(std::size_t i) {
        if (!m_text.substr(i).starts_with("glpat-")) return;
        std::size_t n = run(m_text, i + 6, [](char c) { return is_b64url(c) || c == '.'; });
        while (n > 0 && m_text[i + 6 + n - 1] == '.') --n;
        if (n >= 20) add(i, i + 6 + n, SecretKind::gitlab_token);
    }

    // Stripe's sk_live_/rk_live_, OpenAI's sk-proj-/sk-svcacct-/sk-admin-, Anthropic's sk-ant-.
    void sk_key(std::size_t i) {
        std::string_view s = m_text.substr(i);
        if (s.starts_with("sk_live_") || s.starts_with("rk_live_")) {
            const std::size_t n = run(m_text, i + 8, is_alnum);
            if (n >= 10 && n <= 128) add(i, i + 8 + n, SecretKind::stripe_key);
            return;
        }
        if (!s.starts_with("sk-")) return;
        for (std::string_view prefix : {"sk-proj-", "sk-svcacct-", "sk-admin-", "sk-ant-"}) {
            if (!s.starts_with(prefix)) continue;
            const std::size_t n = run(m_text, i + prefix.size(), is_b64url);
            if (n >= 20) {
                add(i, i + prefix.size() + n, prefix == "sk-ant-" ? SecretKind::anthropic_key : SecretKind::openai_key);
            }
            return;
        }
    }

    void npm_token(std::size_t i) {
        if (!m_text.substr(i).starts_with("npm_")) return;
        if (std::size_t end = token_end(i + 4, 36, true, is_alnum)) add(i, end, SecretKind::npm_token);
    }

    void sendgrid_key(std::size_t i) {
        if (!m_text.substr(i).starts_with("SG.")) return;
        if (run(m_text, i + 3, is_b64url) != 22 || i + 25 >= m_text.size() || m_text[i + 25] != '.') return;
        if (std::size_t end = token_end(i + 26, 43, true, is_b64url)) add(i, end, SecretKind::sendgrid_key);
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

    void basic(std::size_t i) {
        if (!starts_with_icase(m_text.substr(i), "basic")) return;
        std::size_t k = i + 5;
        const std::size_t spaces = run(m_text, k, [](char c) { return c == ' ' || c == '\t'; });
        if (spaces == 0) return;
        k += spaces;
        std::size_t end = k + run(m_text, k, is_base64);
        while (end < m_text.size() && m_text[end] == '=') ++end;
        // Prose ("Basic authentication") is base64 too, but does not decode to user:password.
        if (end - k >= 8 && is_basic_credentials(m_text.substr(k, end - k))) add(k, end, SecretKind::basic_auth);
    }

    // `NAME=value`, `NAME: value`, `"name": "value"` where the name says password, secret or token. A value
    // after `:` that is neither quoted nor written under an environment-style name (`DB_PASSWORD`, `api-token`)
    // must hold a digit or a symbol: "Token: expired" is prose.
    void assignment(std::size_t sep) {
        if (sep < m_value_scanned_to) return;
        if (sep + 1 < m_text.size() && (m_text[sep + 1] == '=' || m_text[sep + 1] == '/')) return;
        std::size_t k = sep;
        while (k > 0 && (m_text[k - 1] == ' ' || m_text[k - 1] == '\t')) --k;
        const bool quoted_name = k > 0 && (m_text[k - 1] == '"' || m_text[k - 1] == '\'');
        if (quoted_name) --k;
        std::size_t start = k;
        while (start > 0 && k - start < 64 && is_name_char(m_text[start - 1])) --start;
        if (start == k || (start > 0 && is_name_char(m_text[start - 1]))) return;
        const std::string_view name = m_text.substr(start, k - start);
        const std::optional<SecretKind> kind = kind_of_assigned(name);
        if (!kind || inside(m_urls, sep, sep + 1)) return;  // URL parameters are url_parameter's
        std::size_t v = sep + 1;
        while (v < m_text.size() && (m_text[v] == ' ' || m_text[v] == '\t')) ++v;
        if (v >= m_text.size()) return;
        std::size_t end;
        const char quote = m_text[v];
        const bool quoted_value = quote == '"' || quote == '\'';
        if (quoted_value) {
            ++v;
            end = v;
            while (end < m_text.size() && m_text[end] != quote && m_text[end] != '\n') ++end;
            if (end >= m_text.size() || m_text[end] != quote) {
                m_value_scanned_to = end;
                return;
            }
        } else {
            end = v;
            while (end < m_text.size() && !is_space(m_text[end]) &&
                   std::string_view("\"',;&)]}<>`").find(m_text[end]) == std::string_view::npos) {
                ++end;
            }
        }
        m_value_scanned_to = end;
        const std::string_view value = m_text.substr(v, end - v);
        if (value.size() < 4 || is_placeholder(value)) return;
        const bool env_style = name.find_first_of("_-.") != std::string_view::npos ||
                               std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        const bool plain_word = std::all_of(value.begin(), value.end(),
                                            [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
        if (m_text[sep] == ':' && !quoted_value && !quoted_name && !env_style && plain_word) return;
        add(v, end, *kind);
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

    // Is there a host at text[i] (after a userinfo's '@'): a name with a dot, or a name and a port, or
    // localhost, ending the authority?
    bool is_host_at(std::size_t i) const {
        std::size_t k = i;
        bool dot = false;
        while (k < m_text.size() && (is_alnum(m_text[k]) || m_text[k] == '-' || m_text[k] == '.')) {
            dot = dot || m_text[k] == '.';
            ++k;
        }
        if (k == i) return false;
        const bool ends = k == m_text.size() || is_space(m_text[k]) ||
                          std::string_view("/?#:<>\"`").find(m_text[k]) != std::string_view::npos;
        const bool port = k + 1 < m_text.size() && m_text[k] == ':' && is_digit(m_text[k + 1]);
        return ends && (dot || port || m_text.substr(i, k - i) == "localhost");
    }

    void url_password(std::size_t authority) {
        // userinfo = user ":" password "@" (RFC 3986 §3.2.1). The user holds no '/', '@' or ':'. A pasted
        // password often holds a raw '@' or '/', so it runs to the first '@' that a host follows (else the
        // last '@' before a space); a "password" that starts as a port number (host:8080/…) must reach its
        // '@' before any '/'.
        if (authority < m_url_scanned_to) return;
        std::size_t colon = authority;
        while (colon < m_text.size() &&
               (is_alnum(m_text[colon]) ||
                std::string_view("-._~%!$&'()*+,;=").find(m_text[colon]) != std::string_view::npos)) {
            ++colon;
        }
        if (colon >= m_text.size() || m_text[colon] != ':') return;
        std::size_t end = colon + 1;
        std::size_t at = std::string_view::npos, host_at = std::string_view::npos;
        std::size_t first_slash = std::string_view::npos;
        while (end < m_text.size() && !is_space(m_text[end]) && m_text[end] != '<' && m_text[end] != '>' &&
               m_text[end] != '"' && m_text[end] != '`') {
            if (m_text[end] == '/' && first_slash == std::string_view::npos) first_slash = end;
            if (m_text[end] == '@' && end + 1 < m_text.size() && is_alnum(m_text[end + 1])) {
                at = end;
                if (host_at == std::string_view::npos && is_host_at(end + 1)) host_at = end;
            }
            ++end;
        }
        m_url_scanned_to = end;
        if (host_at != std::string_view::npos) at = host_at;
        if (at == std::string_view::npos || at <= colon + 1) return;
        const std::size_t digits = run(m_text, colon + 1, is_digit);
        if (first_slash != std::string_view::npos && first_slash < at && digits > 0 &&
            colon + 1 + digits == first_slash) {
            return;  // host:port/path with an '@' further on
        }
        add(colon + 1, at, SecretKind::url_password);
    }

    void private_key(std::size_t i) {
        std::string_view s = m_text.substr(i);
        if (!s.starts_with("-----BEGIN ") || i < m_key_scanned_to) return;
        // The label ("RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PGP PRIVATE KEY BLOCK") is short: a bounded
        // search keeps many unclosed BEGIN lines linear.
        const std::size_t line_end = s.substr(0, 80).find("-----", 11);
        if (line_end == std::string_view::npos) return;
        std::string_view label = s.substr(11, line_end - 11);
        if (label.find("PRIVATE KEY") == std::string_view::npos) return;
        const std::size_t end_marker = s.find("-----END ", line_end + 5);
        std::size_t end = s.size();
        if (end_marker != std::string_view::npos) {
            const std::size_t close = s.substr(0, end_marker + 80).find("-----", end_marker + 9);
            end = close == std::string_view::npos ? s.size() : close + 5;
        }
        m_key_scanned_to = i + end;
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
    // Where the last scan of a URL's userinfo, an assignment's value and a private key block ended: a
    // separator inside one is not scanned again, so runs like `token=token=…` stay linear.
    std::size_t m_url_scanned_to = 0, m_value_scanned_to = 0, m_key_scanned_to = 0;
    std::vector<Range> m_urls;
    std::vector<SecretFinding> m_found;
};

}  // namespace

std::string_view to_string(SecretKind kind) {
    switch (kind) {
        case SecretKind::slack_token:
            return "slack-token";
        case SecretKind::slack_webhook:
            return "slack-webhook";
        case SecretKind::aws_access_key:
            return "aws-key";
        case SecretKind::github_token:
            return "github-token";
        case SecretKind::gitlab_token:
            return "gitlab-token";
        case SecretKind::google_api_key:
            return "google-api-key";
        case SecretKind::stripe_key:
            return "stripe-key";
        case SecretKind::npm_token:
            return "npm-token";
        case SecretKind::sendgrid_key:
            return "sendgrid-key";
        case SecretKind::openai_key:
            return "openai-key";
        case SecretKind::anthropic_key:
            return "anthropic-key";
        case SecretKind::jwt:
            return "jwt";
        case SecretKind::bearer_token:
            return "bearer-token";
        case SecretKind::basic_auth:
            return "basic-auth";
        case SecretKind::url_token:
            return "url-token";
        case SecretKind::url_password:
            return "url-password";
        case SecretKind::password:
            return "password";
        case SecretKind::secret_value:
            return "secret";
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
