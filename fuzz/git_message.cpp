// Fuzz target: bytes → the git source's pure parts: the first line is a remote URL, the rest a commit
// message read as a merge (two parents) and as a direct commit, each made into the change event the git
// ingester would give. Every event must pass fuzz::check_event; no exception may escape. (libgit2 itself
// is not fuzzed here.)
#include <cstdint>

#include "fuzz_check.hpp"
#include "ingest/git/commit_message.hpp"
#include "ingest/git/commit_record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace git = retro::ingest::git;
    const std::string_view text = retro::fuzz::as_text(data, size);
    const std::size_t nl = text.find('\n');
    const std::string url(text.substr(0, nl));
    const std::string_view message = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    const git::RepoIdentity identity = git::repo_identity(url, "fuzz", "main");
    for (const std::size_t parents : {std::size_t{1}, std::size_t{2}}) {
        const git::CommitData commit{"0123456789abcdef0123456789abcdef01234567", parents, message,
                                     git::Signature{message.substr(0, 40), message.substr(0, 20)},
                                     git::Signature{"c", "", static_cast<std::int64_t>(size) * 977, -330, true}};
        retro::fuzz::check_event(retro::ingest::changes::change_event(
            "git", retro::Origin{"fuzz", 0, 0}, 0, git::commit_record(commit, identity, retro::People{})));
    }
    return 0;
}
