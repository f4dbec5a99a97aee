// The shared secret and personal-data detector: {text → findings (kind, exact bytes)}.
#include <catch2/catch.hpp>

#include "core/secrets.hpp"

using namespace retro;

namespace {

std::vector<std::string> found(std::string_view text) {
    std::vector<std::string> out;
    for (const SecretFinding& f : find_secrets(text)) {
        out.push_back(std::string(to_string(f.kind)) + ":" + std::string(text.substr(f.start, f.end - f.start)));
    }
    return out;
}

}  // namespace

TEST_CASE("secrets are found with their exact byte ranges") {
    struct Row {
        std::string text;
        std::vector<std::string> expected;
    };
    const std::vector<Row> rows = {
        {"token xoxb-1234567890-abcdefghij here", {"slack-token:xoxb-1234567890-abcdefghij"}},
        {"key AKIAIOSFODNN7EXAMPLE.", {"aws-key:AKIAIOSFODNN7EXAMPLE"}},
        {"aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1",
         {"aws-key:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY1"}},
        {"ghp_abcdefghijklmnopqrstuvwxyz0123456789", {"github-token:ghp_abcdefghijklmnopqrstuvwxyz0123456789"}},
        {"jwt eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4",
         {"jwt:eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4"}},
        {"Authorization: Bearer abcdef0123456789xyz", {"bearer-token:abcdef0123456789xyz"}},
        {"https://files.slack.com/x.png?t=xoxe-abcdef123456", {"url-token:xoxe-abcdef123456"}},
        {"https://api.example.org/v1?foo=1&token=s3cr3tvalue", {"url-token:s3cr3tvalue"}},
        {"postgres://admin:hunter22@db.internal:5432/x", {"url-password:hunter22"}},
        {"-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
         {"private-key:-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"}},
        {"mail jane.doe@wellcome.ac.uk now", {"email:jane.doe@wellcome.ac.uk"}},
        {"call +44 20 7611 2222 or 07700 900123", {"phone:+44 20 7611 2222", "phone:07700 900123"}},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK(found(row.text) == row.expected);
    }
}

TEST_CASE("URLs, identifiers and prose are not secrets or personal data") {
    for (std::string_view text : {
             "platform-lambda-error-alarm: sierra-adapter-20200604-sierra-reader-orders",
             "https://wellcome.slack.com/archives/C01FBFSDLUA/p1721903759248609",
             "https://wellcome.slack.com/archives/C3TQSF63C/"
             "p1621514765052000?thread_ts=1621514558.051400&cid=C3TQSF63C",
             "https://github.com/user@example/repo and https://x.org/@jane.doe@mail.org",
             "Bearer authentication is described in RFC 6750",
             "container id 58877c4d38434478a490e29e745f360b",
             "2024-07-25 to 2024-07-26, v2-20191115, 1721903759.248609",
             "we saw 900k messages; 100,000 MIRO works",
             "see mailto link [docs](mailto:)",
         }) {
        INFO(text);
        CHECK(found(text).empty());
    }
}

TEST_CASE("personal e-mail addresses are the name-shaped ones") {
    CHECK(is_personal_email("jane.doe@wellcome.ac.uk"));
    CHECK(is_personal_email("j_doe@x.org"));
    CHECK_FALSE(is_personal_email("support@elastic.co"));
    CHECK_FALSE(is_personal_email("digital@wellcomecollection.org"));
    CHECK_FALSE(is_personal_email("wellcomedigitalplatform@wellcome.ac.uk"));
}
