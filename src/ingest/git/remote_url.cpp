// Remote URLs as git accepts them (git-clone(1) "GIT URLS"): `scheme://[user@]host[:port]/path` and the
// scp-like `[user@]host:path`, which git tells from a local path by a colon before any slash.
#include "ingest/git/remote_url.hpp"

#include "core/text_utf8.hpp"

namespace retro::ingest::git {
namespace {

// `owner/name` from a URL's path: no leading or trailing `/`, no `.git`; at least two components.
std::optional<std::string> repo_path(std::string_view path) {
    while (path.starts_with('/')) path.remove_prefix(1);
    while (path.ends_with('/')) path.remove_suffix(1);
    if (path.ends_with(".git")) path.remove_suffix(4);
    while (path.ends_with('/')) path.remove_suffix(1);
    const std::size_t slash = path.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == path.size()) return std::nullopt;
    if (path.find("//") != std::string_view::npos) return std::nullopt;
    return std::string(path);
}

// A host without its user (`git@`, `user:token@`) and port.
std::string host_only(std::string_view authority) {
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    if (const std::size_t colon = authority.find(':'); colon != std::string_view::npos)
        authority = authority.substr(0, colon);
    return to_lower_ascii(authority);
}

std::optional<RemoteRepo> make_remote(std::string_view authority, std::string_view path) {
    std::string host = host_only(authority);
    auto repo = repo_path(path);
    if (host.empty() || !repo) return std::nullopt;
    return RemoteRepo{std::move(host), std::move(*repo)};
}

}  // namespace

std::optional<RemoteRepo> parse_remote_url(std::string_view url) {
    url = trim(url);
    if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) {
        const std::string protocol = to_lower_ascii(url.substr(0, scheme));
        if (protocol == "file") return std::nullopt;
        const std::string_view rest = url.substr(scheme + 3);
        const std::size_t slash = rest.find('/');
        if (slash == std::string_view::npos) return std::nullopt;
        return make_remote(rest.substr(0, slash), rest.substr(slash));
    }
    // scp-like: a colon before the first slash (`git@github.com:owner/name`); else a local path.
    const std::size_t colon = url.find(':');
    const std::size_t slash = url.find('/');
    if (colon == std::string_view::npos || colon == 0 || (slash != std::string_view::npos && slash < colon))
        return std::nullopt;
    return make_remote(url.substr(0, colon), url.substr(colon + 1));
}

std::string change_url(const RemoteRepo& remote, std::string_view commit, std::uint64_t number) {
    if (!remote.is_github()) return {};
    const std::string base = "https://github.com/" + remote.path;
    if (number != 0) return base + "/pull/" + std::to_string(number);
    return base + "/commit/" + std::string(commit);
}

}  // namespace retro::ingest::git
