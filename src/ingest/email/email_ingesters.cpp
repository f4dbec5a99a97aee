// E-mail containers (input-formats.md §5.3–5.4): single messages (.eml), mboxes (split by
// io::MboxSplitter) and Maildir folders (cur/ and new/, Maildir++ subfolders; tmp/ and index files
// ignored). `.gz` of a message or an mbox is decompressed by the I/O layer before it gets here.
#include "ingest/email/email_ingesters.hpp"

#include <algorithm>
#include <array>

#include "core/text_utf8.hpp"
#include "ingest/email/email_event.hpp"
#include "ingest/registry_rows.hpp"
#include "io/byte_streams.hpp"
#include "io/mbox_splitter.hpp"

namespace retro::ingest::email {
namespace {

std::string_view base_name(std::string_view path) {
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// `inbox.mbox.gz` → `inbox`: the mailbox name used as the events' channel.
std::string mailbox_name(std::string_view path) {
    if (path == "<stdin>" || path == "-") return {};
    std::string_view name = base_name(path);
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view ext : {".gz", ".txt", ".mbox", ".mbx", ".eml"}) {
            if (name.size() > ext.size() && name.ends_with(ext)) {
                name.remove_suffix(ext.size());
                stripped = true;
            }
        }
    }
    return std::string(name);
}

bool is_mail_header_name(std::string_view name, bool& strong) {
    static constexpr std::array<std::string_view, 7> strong_names = {
        "from", "received", "message-id", "return-path", "mime-version", "delivered-to", "x-gm-thrid"};
    static constexpr std::array<std::string_view, 11> other_names = {
        "to",         "subject",      "date",     "cc",         "reply-to", "in-reply-to",
        "references", "content-type", "x-mailer", "user-agent", "sender"};
    for (auto n : strong_names)
        if (iequals_ascii(name, n)) return strong = true;
    for (auto n : other_names)
        if (iequals_ascii(name, n)) return true;
    return false;
}

struct MaildirPath {
    std::string folder;  // "" for the top folder, `Sent` for `.Sent/cur/…`
    std::string file;    // the message file name
    bool is_message = false;
    bool is_allowed = false;  // a Maildir file at all (tmp/, index files)
};

MaildirPath classify_maildir_path(std::string_view path) {
    MaildirPath out;
    std::string_view rest = path;
    if (rest.starts_with(".")) {
        auto slash = rest.find('/');
        if (slash == std::string_view::npos) return out;
        out.folder = std::string(rest.substr(1, slash - 1));
        rest = rest.substr(slash + 1);
    }
    auto slash = rest.find('/');
    if (slash == std::string_view::npos) {
        out.is_allowed = rest.starts_with("dovecot") || rest.starts_with("courier") || rest == "maildirfolder" ||
                         rest == "subscriptions";
        return out;
    }
    std::string_view dir = rest.substr(0, slash);
    std::string_view file = rest.substr(slash + 1);
    if (file.find('/') != std::string_view::npos || file.empty()) return out;
    out.file = std::string(file);
    out.is_allowed = dir == "cur" || dir == "new" || dir == "tmp";
    out.is_message = (dir == "cur" || dir == "new") && !file.starts_with(".");
    return out;
}

}  // namespace

int detect_eml(const Probe& probe) {
    if (probe.tree) return 0;
    std::string_view head = probe.head;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    if (io::looks_like_mbox(head)) return 0;
    int known = 0, strong = 0, lines = 0;
    std::size_t start = 0;
    while (start < head.size() && lines < 200) {
        // Lines end at LF, CRLF or a lone CR (mail saved with classic Mac line ends).
        auto nl = head.find_first_of("\r\n", start);
        if (nl == std::string_view::npos) break;  // a partial line at the end of the head decides nothing
        std::string_view line = head.substr(start, nl - start);
        start = nl + 1;
        if (head[nl] == '\r' && start < head.size() && head[start] == '\n') ++start;
        if (line.empty()) break;
        ++lines;
        if (line.front() == ' ' || line.front() == '\t') {
            if (lines == 1) return 0;
            continue;
        }
        // A damaged line ends the scan (real mail has them: MimeKit issue358.txt); what came before decides.
        auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) break;
        std::string_view name = line.substr(0, colon);
        if (std::any_of(name.begin(), name.end(), [](char c) { return c <= 32 || c >= 127; })) break;
        bool is_strong = false;
        if (is_mail_header_name(name, is_strong)) {
            ++known;
            strong += is_strong ? 1 : 0;
        }
    }
    if (known >= 2 && strong >= 1) return probe.name.ends_with(".eml") ? 90 : 70;
    return 0;
}

int detect_mbox(const Probe& probe) {
    if (probe.tree) return 0;
    return io::looks_like_mbox(probe.head) ? 90 : 0;
}

int detect_maildir(const Probe& probe) {
    if (!probe.tree) return 0;
    bool any_message = false;
    for (const auto& entry : probe.tree->entries()) {
        auto kind = classify_maildir_path(entry.path);
        if (!kind.is_allowed) return 0;
        any_message = any_message || kind.is_message;
    }
    return any_message ? 95 : 0;
}

void ingest_mbox(Input& input, const IngestContext& context) {
    io::MboxSplitter splitter(input.name, input.head, input.stream.get(), context.options.limits.max_record_bytes,
                              context.diags);
    MailEnvelope envelope{"mbox", mailbox_name(input.name), {}, {}, 0};
    MailboxIndex threads;
    io::MboxMessage message;
    while (splitter.next(message)) {
        envelope.mbox_from = message.envelope;
        envelope.record_line = message.envelope_line;
        ingest_email_message(message.bytes, message.origin, envelope, threads, context);
    }
}

void ingest_eml(Input& input, const IngestContext& context) {
    // A saved message may still begin with its mbox `From ` line: the splitter handles both.
    if (io::looks_like_mbox(input.head)) {
        ingest_mbox(input, context);
        return;
    }
    std::string bytes;
    if (!io::read_all(input, bytes, context.options.limits.max_record_bytes, context.diags)) return;
    // GMime reads LF and CRLF line ends only: a message whose lines end in lone CRs gets LFs, byte for byte
    // (positions stay put; diagnostics count a lone CR as a line end too).
    if (bytes.find('\n') == std::string::npos) std::replace(bytes.begin(), bytes.end(), '\r', '\n');
    std::size_t skip = std::string_view(bytes).starts_with("\xEF\xBB\xBF") ? 3 : 0;
    MailEnvelope envelope{"eml", {}, {}, {}};
    MailboxIndex threads;
    ingest_email_message(std::string_view(bytes).substr(skip), Origin{input.name, 1, 1 + skip}, envelope, threads,
                         context);
}

void ingest_maildir(Input& input, const IngestContext& context) {
    if (!input.tree) return;
    Tree& tree = *input.tree;
    std::string mailbox = mailbox_name(input.name);
    MailboxIndex threads;
    std::string bytes;
    for (const auto& entry : tree.entries()) {
        auto kind = classify_maildir_path(entry.path);
        if (!kind.is_message) continue;
        bytes.clear();
        if (!tree.read(entry, bytes, context.options.limits.max_record_bytes, context.diags)) {
            context.sink.drop("damaged record");
            continue;
        }
        MailEnvelope envelope{"maildir", kind.folder.empty() ? mailbox : mailbox + "/" + kind.folder, {}, kind.file};
        ingest_email_message(bytes, Origin{tree.display(entry), 1, 1}, envelope, threads, context);
    }
}

}  // namespace retro::ingest::email

namespace retro::ingest {

const Ingester eml_ingester{"eml", email::detect_eml, email::ingest_eml};
const Ingester mbox_ingester{"mbox", email::detect_mbox, email::ingest_mbox};
const Ingester maildir_ingester{"maildir", email::detect_maildir, email::ingest_maildir};

}  // namespace retro::ingest
