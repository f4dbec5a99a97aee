// Greetings, sign-offs, quotes and signatures in what people write (message_lines.hpp). The word lists are
// English, with the reply headers of French and German mail clients.
#include "core/message_lines.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text_utf8.hpp"

namespace retro {
namespace {

bool ieq_prefix_word(std::string_view line, std::string_view word) {
    if (!starts_with_icase(line, word)) return false;
    return line.size() == word.size() || !std::isalpha(static_cast<unsigned char>(line[word.size()]));
}

bool ends_own_words_trimmed(std::string_view line, bool have_content) {
    if (line == "--" || line == "-- " || line == "—") return true;
    if (is_quoted_line(line)) return true;
    if (line.find("-----Original Message-----") != std::string_view::npos) return true;
    if (line.size() >= 20 && line.find_first_not_of('_') == std::string_view::npos) return true;
    std::string_view t = trim(line);
    if (t.ends_with("wrote:") || t.ends_with("a écrit :") || t.ends_with("schrieb:")) return true;
    if (have_content && (line.starts_with("From: ") || line.starts_with("Sent from my "))) return true;
    return have_content && is_sign_off_line(t);
}

}  // namespace

bool is_greeting_line(std::string_view line) {
    static constexpr std::array<std::string_view, 9> words = {
        "hi", "hello", "dear", "hey", "good morning", "good afternoon", "good evening", "greetings", "all,"};
    if (line.empty() || line.size() > 60) return false;
    for (auto word : words) {
        if (!ieq_prefix_word(line, word)) continue;
        char last = line.back();
        auto words_in_line = 1 + std::count(line.begin(), line.end(), ' ');
        return last == ',' || last == '!' || (words_in_line <= 3 && last != '.');
    }
    return false;
}

bool is_sign_off_line(std::string_view line) {
    static constexpr std::array<std::string_view, 12> words = {
        "thanks",      "thank you", "many thanks", "regards",   "kind regards", "best regards",
        "best wishes", "best",      "cheers",      "sincerely", "warm regards", "with thanks"};
    std::string_view core = line;
    while (!core.empty() && (core.back() == ',' || core.back() == '.' || core.back() == '!')) core.remove_suffix(1);
    for (auto word : words)
        if (iequals_ascii(core, word)) return true;
    return false;
}

bool is_quoted_line(std::string_view line) {
    return trim(line).starts_with(">");
}

bool is_forward_header_line(std::string_view line) {
    line = trim(line);
    return line.starts_with("---------- Forwarded message") || line.starts_with("Begin forwarded message");
}

bool ends_own_words(std::string_view line, bool have_content) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return ends_own_words_trimmed(line, have_content) || ends_own_words_trimmed(trim(line), have_content);
}

}  // namespace retro
