// The one detector of secrets and personal data in free text, shared by `retro lint` (RETRO012, RETRO013)
// and the draft's redaction. Returns byte ranges; never changes the text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace retro {

enum class SecretKind {
    slack_token,     // xoxb-…, xoxp-…, xapp-…
    slack_webhook,   // hooks.slack.com/services/T…/B…/… (the path after services/)
    aws_access_key,  // AKIA… / ASIA… key ids; aws_secret_access_key = …, STS "SecretAccessKey"/"SessionToken"
    github_token,    // ghp_…, gho_…, github_pat_…
    gitlab_token,    // glpat-…
    google_api_key,  // AIza… (39 characters)
    stripe_key,      // sk_live_…, rk_live_…
    npm_token,       // npm_… (36 characters after the prefix)
    sendgrid_key,    // SG.<22>.<43>
    openai_key,      // sk-proj-…, sk-svcacct-…, sk-admin-…
    anthropic_key,   // sk-ant-…
    jwt,             // eyJ….eyJ….sig
    bearer_token,    // "Bearer <token>" (the token only)
    basic_auth,      // "Basic <base64 of user:password>" (the credentials only)
    url_token,       // ?t=…, token=…, access_token=…, api_key=…, sig=… in a URL (the value only)
    url_password,    // https://user:PASSWORD@host (the password only, `@` and `/` in it included)
    password,        // password=…, DB_PASSWORD: …, "passwd": "…" (the value only)
    secret_value,    // API_SECRET=…, GITHUB_TOKEN: …, "client_secret": "…", api_key=… (the value only)
    private_key,     // -----BEGIN … PRIVATE KEY----- … -----END …----- (PGP's PRIVATE KEY BLOCK too)
    email,           // personal data: an e-mail address outside URLs
    phone,           // personal data: a phone number (+44 20 7611 2222, 07700 900123)
};

// Stable lower-case names: "slack-token", "email"… (used in findings and `[redacted: …]`).
std::string_view to_string(SecretKind kind);

// E-mail addresses and phone numbers are personal data; the rest are secrets.
bool is_personal_data(SecretKind kind);

// True for an address that names a person (`jane.doe@`, `j_doe@`: name parts joined by `.`, `_` or `-`);
// false for a single-word mailbox (`support@`, `digital@`), which names a team or a role.
bool is_personal_email(std::string_view address);

struct SecretFinding {
    std::size_t start = 0, end = 0;  // byte range [start, end) of the text
    SecretKind kind = SecretKind::slack_token;
};

// Every secret and personal datum in `text`, sorted by start, not overlapping. E-mail addresses and phone
// numbers inside URLs or identifiers (`sierra-adapter-20200604-…`, Slack permalinks `p1721903759248609`)
// are not reported. Any bytes are accepted.
std::vector<SecretFinding> find_secrets(std::string_view text);

}  // namespace retro
