#include "ingest/email/automated_mail.hpp"

#include "core/text_utf8.hpp"

namespace retro::ingest::email {

namespace {

constexpr std::string_view robot_local_parts[] = {
    "noreply",       "no-reply",      "no_reply",  "donotreply", "do-not-reply", "do_not_reply", "notifications",
    "notification",  "notify",        "mailer-daemon", "postmaster", "bounce",   "bounces",      "builds",
    "build",         "ci",            "jenkins",   "automated",  "automailer",
};

bool header_says(const MailMessage& m, std::string_view name, std::initializer_list<std::string_view> values) {
    const MailHeader* h = m.header(name);
    if (!h) return false;
    const std::string value = to_lower_ascii(trim(h->value));
    for (std::string_view v : values)
        if (value.starts_with(v)) return true;
    return false;
}

// Mailman's subject prefix: the subject (after `Re:`/`Fwd:`) opens with `[NAME]` and NAME is the local part of
// an address the mail was sent to (`[notmuch] …` to notmuch@notmuchmail.org).
bool subject_tags_a_list(const MailMessage& m) {
    std::string_view subject = trim(m.subject);
    for (;;) {
        const std::string lower = to_lower_ascii(subject.substr(0, 5));
        if (lower.starts_with("re:")) subject = trim(subject.substr(3));
        else if (lower.starts_with("fwd:")) subject = trim(subject.substr(4));
        else if (lower.starts_with("fw:")) subject = trim(subject.substr(3));
        else break;
    }
    if (!subject.starts_with('[')) return false;
    const std::size_t close = subject.find(']');
    if (close == std::string_view::npos || close < 2) return false;
    const std::string tag = to_lower_ascii(trim(subject.substr(1, close - 1)));
    for (const MailAddress& to : m.to) {
        const std::string_view address = to.address;
        if (to_lower_ascii(address.substr(0, address.find('@'))) == tag) return true;
    }
    return false;
}

}  // namespace

bool is_automated_mail(const MailMessage& m) {
    if (subject_tags_a_list(m)) return true;
    if (m.header("List-Id") || m.header("List-Unsubscribe") || m.header("X-GitHub-Reason")) return true;
    if (header_says(m, "Precedence", {"bulk", "list", "junk"})) return true;
    if (header_says(m, "Auto-Submitted", {"auto-"})) return true;
    if (!m.from) return false;
    const std::string_view address = m.from->address;
    const std::string local = to_lower_ascii(address.substr(0, address.find('@')));
    for (std::string_view robot : robot_local_parts)
        if (local == robot) return true;
    return false;
}

}  // namespace retro::ingest::email
