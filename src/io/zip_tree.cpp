// ZIP trees. A plain archive (zip_directory.hpp: one disk, ASCII names, as exports are) is listed from its
// own central directory and its entries read with pread and inflated by libdeflate, on as many threads as
// ask; an entry that does not come out whole, and every other archive, is read by libzip at random through
// the central directory, as before. A ZIP on stdin is held in memory and read the same ways. When libzip
// cannot open the archive (no end-of-central-directory record: a truncated download), libarchive's
// streaming ZIP reader walks the local headers instead and stops at the damage, which damage() then
// describes. Each C library stays behind the small RAII types below.
#include "io/zip_tree.hpp"

#include <algorithm>
#include <cstring>

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <fcntl.h>
#include <libdeflate.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "core/text_utf8.hpp"
#include "io/zip_directory.hpp"
#include "retro/error.hpp"

namespace retro::io {

bool is_safe_entry_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.front() == '\\') return false;
    if (name.find('\0') != std::string_view::npos) return false;
    if (name.size() >= 2 && name[1] == ':') return false;  // "C:\…"
    std::size_t start = 0;
    while (start <= name.size()) {
        auto end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return false;
        start = end + 1;
    }
    return true;
}

namespace {

class EntryStream final : public ByteStream {
public:
    EntryStream(std::string data, std::string damage) : m_data(std::move(data)), m_damage(std::move(damage)) {}
    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t n = std::min(size, m_data.size() - m_pos);
        std::memcpy(buffer, m_data.data() + m_pos, n);
        m_pos += n;
        return n;
    }
    std::string damage() const override { return m_damage; }

private:
    std::string m_data;
    std::string m_damage;
    std::size_t m_pos = 0;
};

std::string normalise(std::string_view name) {
    while (name.starts_with("./")) name.remove_prefix(2);
    return std::string(name);
}

// Shared by both readers: the entry list, refused names, and the open() fallback through read().
class ZipTreeBase : public Tree {
public:
    explicit ZipTreeBase(std::string name) : m_name(std::move(name)) {}
    const std::vector<TreeEntry>& entries() override { return m_entries; }
    // Entry names are bytes (a ZIP made on another system may hold any): shown as UTF-8, bad bytes as U+FFFD.
    std::string display(const TreeEntry& entry) const override { return repair_utf8(m_name + "!/" + entry.path); }
    std::string damage() const override { return m_damage; }
    std::vector<std::string> refused_entries() const override { return m_refused; }
    Location where(const TreeEntry& entry) const { return Location{display(entry), 0, 0}; }
    bool refuse_size(const TreeEntry& entry, std::uint64_t limit, Diagnostics& diags) const {
        diags.error("ingest.entry-too-large", where(entry),
                    fmt::format("entry inflates past {} bytes (the [ingest] max_entry_bytes limit): refused", limit));
        return false;
    }
    std::unique_ptr<ByteStream> open(const TreeEntry& entry) override {
        std::string data;
        Diagnostics quiet([](const std::string&) {});
        std::string damage;
        if (!read(entry, data, IngestLimitsEntryMax, quiet)) {
            auto all = quiet.all();
            damage = all.empty() ? "entry could not be read" : all.front().message;
        }
        return std::make_unique<EntryStream>(std::move(data), std::move(damage));
    }

protected:
    static constexpr std::uint64_t IngestLimitsEntryMax = 1ull << 30;

    // Adds an entry unless it is a folder or its name is unsafe (then listed in refused_entries()).
    void add_entry(std::string_view raw, std::uint64_t size, std::int64_t index) {
        if (raw.empty() || raw.back() == '/') return;
        if (!is_safe_entry_name(raw)) {
            m_refused.emplace_back(raw);
            return;
        }
        m_entries.push_back(TreeEntry{normalise(raw), size, index});
    }
    void sort_entries() {
        const auto by_path = [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; };
        // Archivers often store entries in path order already: then a look is cheaper than a sort.
        if (!std::is_sorted(m_entries.begin(), m_entries.end(), by_path))
            std::stable_sort(m_entries.begin(), m_entries.end(), by_path);
    }
    void add_damage(const std::string& text) {
        if (!m_damage.empty()) m_damage += "; ";
        m_damage += text;
    }

    std::string m_name;
    std::vector<TreeEntry> m_entries;
    std::vector<std::string> m_refused;
    std::string m_damage;
};

// ---- libzip: random access through the central directory ----

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

struct DecompressorFreer {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// An entry's compressed bytes made whole: inflated by libdeflate (about twice as fast as zlib's stream, for a
// buffer whose size is known) or copied when stored, into exactly the declared size, and checked against
// the declared CRC. False, and `out` as it was, when anything does not add up.
bool inflate_checked(std::string_view compressed, std::uint16_t method, std::uint64_t size, std::uint32_t crc,
                     std::string& out) {
    if (method != ZIP_CM_DEFLATE && (method != ZIP_CM_STORE || compressed.size() != size)) return false;
    thread_local std::unique_ptr<libdeflate_decompressor, DecompressorFreer> inflater(libdeflate_alloc_decompressor());
    if (!inflater) return false;
    const std::size_t before = out.size();
    out.reserve(before + size + read_padding);
    out.resize(before + size);
    std::size_t inflated = size;
    bool made = true;
    if (method == ZIP_CM_STORE)
        std::memcpy(out.data() + before, compressed.data(), size);
    else
        made = libdeflate_deflate_decompress(inflater.get(), compressed.data(), compressed.size(), out.data() + before,
                                             size, &inflated) == LIBDEFLATE_SUCCESS;
    const bool whole = made && inflated == size && libdeflate_crc32(0, out.data() + before, size) == crc;
    if (!whole) out.resize(before);
    return whole;
}

// Compressed data is never much larger than what it inflates to: a declared size far below it is a lie
// (deflate's worst case is a few bytes per 64 KB stored block).
bool plausible_sizes(std::uint64_t compressed, std::uint64_t size) { return compressed <= (size + 1024) * 2; }

// A deflated entry read raw through libzip and made whole by inflate_checked; false whenever that does not
// work (stored or encrypted entries, a lying size, a wrong CRC, damage): the caller then reads the entry
// through libzip's stream, which reports it.
bool inflate_whole(zip_t* zip, const TreeEntry& entry, const zip_stat_t& declared, std::string& out) {
    constexpr zip_uint64_t needed = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                                    ZIP_STAT_ENCRYPTION_METHOD;
    if ((declared.valid & needed) != needed || declared.comp_method != ZIP_CM_DEFLATE ||
        declared.encryption_method != ZIP_EM_NONE || !plausible_sizes(declared.comp_size, declared.size))
        return false;
    thread_local std::string compressed;
    std::unique_ptr<zip_file_t, ZipFileCloser> file(
        zip_fopen_index(zip, static_cast<zip_uint64_t>(entry.index), ZIP_FL_COMPRESSED));
    if (!file) return false;
    compressed.resize(declared.comp_size);
    if (zip_fread(file.get(), compressed.data(), compressed.size()) != static_cast<zip_int64_t>(compressed.size()))
        return false;
    return inflate_checked(compressed, ZIP_CM_DEFLATE, declared.size, declared.crc, out);
}

// Reads one entry of an open archive whole; `tree` names the entry in diagnostics.
bool read_zip_entry(zip_t* zip, const ZipTreeBase& tree, const TreeEntry& entry, std::string& out,
                    std::uint64_t limit, Diagnostics& diags) {
    if (entry.size > limit) return tree.refuse_size(entry, limit, diags);
    // The listing leaves sizes unknown (zip_stat converts each entry's date through the time zone, which
    // costs a window run that reads few entries); the declared size is checked here, before inflating.
    zip_stat_t declared;
    zip_stat_init(&declared);
    const bool stated = zip_stat_index(zip, static_cast<zip_uint64_t>(entry.index), 0, &declared) == 0;
    if (stated && (declared.valid & ZIP_STAT_SIZE) && declared.size > limit) return tree.refuse_size(entry, limit, diags);
    if (stated && inflate_whole(zip, entry, declared, out)) return true;
    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(zip, static_cast<zip_uint64_t>(entry.index), 0));
    if (!file) {
        diags.error("ingest.bad-archive", tree.where(entry), fmt::format("cannot read entry: {}", zip_strerror(zip)));
        return false;
    }
    char buffer[64 * 1024];
    std::uint64_t total = 0;
    for (;;) {
        zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
        if (n < 0) {
            diags.error("ingest.bad-archive", tree.where(entry),
                        fmt::format("entry is damaged: {}", zip_file_strerror(file.get())));
            return false;
        }
        if (n == 0) break;
        total += static_cast<std::uint64_t>(n);
        if (total > limit) return tree.refuse_size(entry, limit, diags);
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
}

// Opens the archive (a file, or bytes held in memory) with libzip, or returns nullptr.
// Null when libzip cannot open the archive; `why` then says why.
zip_t* open_libzip(const std::string& path, const std::shared_ptr<const std::string>& memory, std::string& why) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = memory ? zip_source_buffer_create(memory->data(), memory->size(), 0, &error)
                                  : zip_source_file_create(path.c_str(), 0, -1, &error);
    zip_t* z = nullptr;
    if (source) {
        z = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!z) zip_source_free(source);
    }
    if (!z) why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return z;
}

// Another libzip handle on the same archive, so that another thread inflates entries of its own.
class LibzipReader final : public EntryReader {
public:
    LibzipReader(zip_t* archive, const ZipTreeBase& tree, std::shared_ptr<const std::string> memory)
        : m_tree(tree), m_memory(std::move(memory)), m_zip(archive) {}
    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return read_zip_entry(m_zip.get(), m_tree, entry, out, limit, diags);
    }

private:
    const ZipTreeBase& m_tree;
    std::shared_ptr<const std::string> m_memory;
    std::unique_ptr<zip_t, ZipCloser> m_zip;
};

class LibzipTree final : public ZipTreeBase {
public:
    LibzipTree(zip_t* archive, std::string name, std::string path, std::shared_ptr<const std::string> memory)
        : ZipTreeBase(std::move(name)), m_path(std::move(path)), m_memory(std::move(memory)), m_zip(archive) {
        // Names and sizes come straight from the central directory: zip_stat_index would also convert each
        // entry's DOS time through mktime(), which re-reads the time zone (a stat of /etc/localtime) per entry.
        zip_int64_t n = zip_get_num_entries(m_zip.get(), 0);
        for (zip_int64_t i = 0; i < n; ++i) {
            const char* entry_name = zip_get_name(m_zip.get(), static_cast<zip_uint64_t>(i), 0);
            if (entry_name) add_entry(entry_name, 0, i);
        }
        sort_entries();
    }

    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return read_zip_entry(m_zip.get(), *this, entry, out, limit, diags);
    }

    std::unique_ptr<EntryReader> open_reader() override {
        std::string why;
        zip_t* z = open_libzip(m_path, m_memory, why);
        return z ? std::make_unique<LibzipReader>(z, *this, m_memory) : nullptr;
    }

private:
    std::string m_path;                           // the archive file, or "" when it is held in memory
    std::shared_ptr<const std::string> m_memory;  // the archive bytes from stdin (libzip reads them in place)
    std::unique_ptr<zip_t, ZipCloser> m_zip;
};

// ---- our own reading of the central directory, for plain archives ----

// A plain archive (zip_directory.hpp) and its bytes: a file read with pread (from any thread), or memory.
struct PlainArchive {
    std::string path;                             // "" when held in memory
    std::shared_ptr<const std::string> memory;    // the archive bytes from stdin
    int fd = -1;
    std::uint64_t size = 0;
    std::vector<ZipDirectoryEntry> directory;

    PlainArchive() = default;
    PlainArchive(const PlainArchive&) = delete;
    PlainArchive& operator=(const PlainArchive&) = delete;
    ~PlainArchive() {
        if (fd >= 0) ::close(fd);
    }

    // `count` bytes at `offset` into `out` (replaced); false past the end or on a read error.
    bool read_at(std::uint64_t offset, std::uint64_t count, std::string& out) const {
        if (offset > size || count > size - offset) return false;
        out.resize(count);
        if (memory) {
            std::memcpy(out.data(), memory->data() + offset, count);
            return true;
        }
        for (std::uint64_t done = 0; done < count;) {
            const ssize_t n = ::pread(fd, out.data() + done, count - done, static_cast<off_t>(offset + done));
            if (n <= 0) return false;
            done += static_cast<std::uint64_t>(n);
        }
        return true;
    }

    // The entry made whole straight from the archive bytes; false when it must go through libzip.
    bool read_entry(const ZipDirectoryEntry& e, std::string& out) const {
        if ((e.flags & 1) != 0 || !plausible_sizes(e.compressed_size, e.size)) return false;
        thread_local std::string bytes;
        if (!read_at(e.local_header_offset, zip_local_header_bytes, bytes)) return false;
        const auto data = zip_data_offset(bytes, e.local_header_offset);
        return data && read_at(*data, e.compressed_size, bytes) && inflate_checked(bytes, e.method, e.size, e.crc, out);
    }
};

// Reads entries of a plain archive; an entry it cannot make whole goes through a libzip handle of its own,
// opened the first time one is needed, so damage is reported in libzip's words as before.
class PlainReader final : public EntryReader {
public:
    PlainReader(std::shared_ptr<const PlainArchive> archive, const ZipTreeBase& tree)
        : m_archive(std::move(archive)), m_tree(tree) {}
    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        const ZipDirectoryEntry& e = m_archive->directory[static_cast<std::size_t>(entry.index)];
        if (entry.size > limit || e.size > limit) return m_tree.refuse_size(entry, limit, diags);
        if (m_archive->read_entry(e, out)) return true;
        if (!m_libzip) {
            std::string why;
            m_libzip.reset(open_libzip(m_archive->path, m_archive->memory, why));
            if (!m_libzip) {
                diags.error("ingest.bad-archive", m_tree.where(entry), fmt::format("cannot read entry: {}", why));
                return false;
            }
        }
        return read_zip_entry(m_libzip.get(), m_tree, entry, out, limit, diags);
    }

private:
    std::shared_ptr<const PlainArchive> m_archive;
    const ZipTreeBase& m_tree;
    std::unique_ptr<zip_t, ZipCloser> m_libzip;
};

// A plain archive listed from its own central directory: one pass over the directory's bytes, shared by
// every reader (libzip's zip_open builds its own listing, about 50 ms for 73,000 entries, once per reader).
class PlainZipTree final : public ZipTreeBase {
public:
    PlainZipTree(std::shared_ptr<const PlainArchive> archive, std::string name)
        : ZipTreeBase(std::move(name)), m_archive(std::move(archive)), m_reader(m_archive, *this) {
        // Sizes stay unknown in the listing, as libzip's tree leaves them: the declared size is checked on reading.
        for (std::size_t i = 0; i < m_archive->directory.size(); ++i)
            add_entry(m_archive->directory[i].name, 0, static_cast<std::int64_t>(i));
        sort_entries();
    }
    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        return m_reader.read(entry, out, limit, diags);
    }
    std::unique_ptr<EntryReader> open_reader() override { return std::make_unique<PlainReader>(m_archive, *this); }

private:
    std::shared_ptr<const PlainArchive> m_archive;
    PlainReader m_reader;
};

// The archive as a plain one, when its directory reads as one (zip_directory.hpp); else nothing, and the
// caller opens it with libzip.
std::shared_ptr<const PlainArchive> open_plain(std::unique_ptr<PlainArchive> archive) {
    std::string bytes;
    const std::uint64_t tail = std::min<std::uint64_t>(archive->size, zip_tail_bytes);
    if (!archive->read_at(archive->size - tail, tail, bytes)) return nullptr;
    const auto place = find_zip_directory(bytes, archive->size);
    if (!place || !archive->read_at(place->offset, place->size, bytes)) return nullptr;
    auto directory = read_zip_directory(bytes, *place);
    if (!directory) return nullptr;
    archive->directory = std::move(*directory);
    return archive;
}

std::shared_ptr<const PlainArchive> open_plain_file(const std::string& path) {
    auto archive = std::make_unique<PlainArchive>();
    archive->path = path;
    archive->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (archive->fd < 0 || ::fstat(archive->fd, &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
    archive->size = static_cast<std::uint64_t>(st.st_size);
    return open_plain(std::move(archive));
}

std::shared_ptr<const PlainArchive> open_plain_memory(std::shared_ptr<const std::string> memory) {
    auto archive = std::make_unique<PlainArchive>();
    archive->size = memory->size();
    archive->memory = std::move(memory);
    return open_plain(std::move(archive));
}

// ---- libarchive: the streaming reader, for archives without a usable central directory ----

struct ArchiveCloser {
    void operator()(archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveCloser>;

class StreamingZipTree final : public ZipTreeBase {
public:
    // `why` is libzip's reason for not opening the archive through its central directory.
    StreamingZipTree(std::string path, std::string memory, std::string name, const std::string& why)
        : ZipTreeBase(std::move(name)), m_path(std::move(path)), m_memory(std::move(memory)) {
        ArchivePtr a = open_archive();
        std::int64_t index = 0;
        for (;;) {
            archive_entry* e = nullptr;
            int r = archive_read_next_header(a.get(), &e);
            if (r == ARCHIVE_EOF) break;
            if (r < ARCHIVE_WARN) {
                add_damage(stop_message(a.get(), index));
                break;
            }
            const char* p = archive_entry_pathname(e);
            std::uint64_t size = archive_entry_size_is_set(e) ? static_cast<std::uint64_t>(archive_entry_size(e)) : 0;
            if (p && archive_entry_filetype(e) != AE_IFDIR) add_entry(p, size, index);
            ++index;
            if (archive_read_data_skip(a.get()) < ARCHIVE_WARN) {
                add_damage(stop_message(a.get(), index));
                break;
            }
        }
        if (m_damage.empty() && index == 0) throw Error(fmt::format("{}: not a readable ZIP archive", m_name));
        // Every local header was read, but entries the central directory listed may be missing (a download
        // cut inside the directory itself): say so rather than pass the archive off as whole.
        if (m_damage.empty())
            add_damage(fmt::format("ZIP is damaged: its central directory is unreadable ({}); {} entr{} read "
                                   "from their local headers, later ones may be lost",
                                   why, index, index == 1 ? "y" : "ies"));
        sort_entries();
    }

    bool read(const TreeEntry& entry, std::string& out, std::uint64_t limit, Diagnostics& diags) override {
        if (entry.size > limit) return refuse_size(entry, limit, diags);
        // Entries are read in path order; reopen only when asked for one behind the current position.
        if (!m_archive || entry.index < m_next) {
            m_archive = open_archive();
            m_next = 0;
        }
        archive_entry* e = nullptr;
        while (m_next <= entry.index) {
            int r = archive_read_next_header(m_archive.get(), &e);
            if (r < ARCHIVE_WARN || r == ARCHIVE_EOF) {
                diags.error("ingest.truncated", where(entry), "entry lies past the damage in the archive");
                m_archive.reset();
                return false;
            }
            ++m_next;
        }
        char buffer[64 * 1024];
        std::uint64_t total = 0;
        for (;;) {
            la_ssize_t n = archive_read_data(m_archive.get(), buffer, sizeof buffer);
            if (n < 0) {
                diags.error("ingest.truncated", where(entry),
                            fmt::format("entry is damaged after {} bytes: {}", total,
                                        archive_error_string(m_archive.get()) ? archive_error_string(m_archive.get())
                                                                              : "read error"));
                m_archive.reset();
                return false;
            }
            if (n == 0) break;
            total += static_cast<std::uint64_t>(n);
            if (total > limit) return refuse_size(entry, limit, diags);
            out.append(buffer, static_cast<std::size_t>(n));
        }
        return true;
    }

private:
    ArchivePtr open_archive() const {
        ArchivePtr a(archive_read_new());
        archive_read_support_format_zip_streamable(a.get());
        int r = m_path.empty() ? archive_read_open_memory(a.get(), m_memory.data(), m_memory.size())
                               : archive_read_open_filename(a.get(), m_path.c_str(), 64 * 1024);
        if (r != ARCHIVE_OK)
            throw Error(fmt::format("{}: cannot open archive: {}", m_name,
                                    archive_error_string(a.get()) ? archive_error_string(a.get()) : "unknown error"));
        return a;
    }

    std::string stop_message(archive* a, std::int64_t entries_read) const {
        const char* why = archive_error_string(a);
        return fmt::format(
            "ZIP is truncated or damaged: reading stopped after {} entr{} ({}); the central "
            "directory is missing",
            entries_read, entries_read == 1 ? "y" : "ies", why ? why : "unexpected end");
    }

    std::string m_path;
    std::string m_memory;
    ArchivePtr m_archive;
    std::int64_t m_next = 0;
};

}  // namespace

std::unique_ptr<Tree> open_zip_tree(const std::string& path, std::string name) {
    if (auto plain = open_plain_file(path)) return std::make_unique<PlainZipTree>(std::move(plain), std::move(name));
    std::string why;
    if (zip_t* z = open_libzip(path, nullptr, why))
        return std::make_unique<LibzipTree>(z, std::move(name), path, nullptr);
    if (::access(path.c_str(), R_OK) != 0) throw Error(fmt::format("{}: cannot open", name));
    return std::make_unique<StreamingZipTree>(path, std::string(), std::move(name), why);
}

std::unique_ptr<Tree> open_zip_tree_in_memory(std::string bytes, std::string name) {
    auto memory = std::make_shared<const std::string>(std::move(bytes));
    if (auto plain = open_plain_memory(memory)) return std::make_unique<PlainZipTree>(std::move(plain), std::move(name));
    std::string why;
    if (zip_t* z = open_libzip(std::string(), memory, why))
        return std::make_unique<LibzipTree>(z, std::move(name), std::string(), memory);
    return std::make_unique<StreamingZipTree>(std::string(), std::string(*memory), std::move(name), why);
}

}  // namespace retro::io
