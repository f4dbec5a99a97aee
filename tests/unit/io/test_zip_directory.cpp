// Our own reading of a ZIP's central directory (io/zip_directory.hpp): it must list what libzip lists on
// every real archive, follow ZIP64 end records, and give up (leaving the archive to libzip) on anything else.
#include <catch2/catch.hpp>

#include <zip.h>

#include <string>
#include <vector>

#include "io/zip_directory.hpp"
#include "io/zip_tree.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

std::optional<std::vector<io::ZipDirectoryEntry>> plain_directory(std::string_view archive) {
    const std::string_view tail = archive.substr(archive.size() - std::min(archive.size(), io::zip_tail_bytes));
    const auto place = io::find_zip_directory(tail, archive.size());
    if (!place || place->offset > archive.size() || place->size > archive.size() - place->offset) return std::nullopt;
    return io::read_zip_directory(archive.substr(place->offset, place->size), *place);
}

// Little-endian fields, for hand-made records.
struct Bytes {
    std::string text;
    Bytes& n(std::uint64_t value, int width) {
        for (int i = 0; i < width; ++i) text.push_back(static_cast<char>(value >> (8 * i) & 0xff));
        return *this;
    }
    Bytes& s(std::string_view bytes) {
        text.append(bytes);
        return *this;
    }
};

// One stored entry "a.json" holding "[]", its local header at 0; `extra` added to its directory record, and
// the fixed size fields replaced by 0xFFFFFFFF when `zip64_sizes` (the extra then holds them).
std::string one_entry_archive(std::string_view name = "a.json", std::string_view extra = "", bool zip64_end = false,
                              bool zip64_sizes = false) {
    Bytes b;
    b.n(0x04034b50, 4).n(20, 2).n(0, 2).n(0, 2).n(0, 2).n(0, 2).n(0x0d4cbb29, 4).n(2, 4).n(2, 4);
    b.n(name.size(), 2).n(0, 2).s(name).s("[]");
    const std::size_t directory = b.text.size();
    b.n(0x02014b50, 4).n(20, 2).n(20, 2).n(0, 2).n(0, 2).n(0, 2).n(0, 2).n(0x0d4cbb29, 4);
    b.n(zip64_sizes ? 0xFFFFFFFF : 2, 4).n(zip64_sizes ? 0xFFFFFFFF : 2, 4);
    b.n(name.size(), 2).n(extra.size(), 2).n(0, 2).n(0, 2).n(0, 2).n(0, 4).n(0, 4).s(name).s(extra);
    const std::size_t directory_size = b.text.size() - directory;
    if (zip64_end) {
        const std::size_t record = b.text.size();
        b.n(0x06064b50, 4).n(44, 8).n(45, 2).n(45, 2).n(0, 4).n(0, 4).n(1, 8).n(1, 8).n(directory_size, 8);
        b.n(directory, 8);
        b.n(0x07064b50, 4).n(0, 4).n(record, 8).n(1, 4);
        b.n(0x06054b50, 4).n(0, 2).n(0, 2).n(0xFFFF, 2).n(0xFFFF, 2).n(0xFFFFFFFF, 4).n(0xFFFFFFFF, 4).n(0, 2);
    } else {
        b.n(0x06054b50, 4).n(0, 2).n(0, 2).n(1, 2).n(1, 2).n(directory_size, 4).n(directory, 4).n(0, 2);
    }
    return b.text;
}

std::string zip64_sizes_extra() { return Bytes{}.n(0x0001, 2).n(16, 2).n(2, 8).n(2, 8).text; }

}  // namespace

TEST_CASE("every real ZIP's directory reads as libzip lists it, and its entries as libzip inflates them",
          "[io][zip]") {
    for (const std::string& path : {test::source_path("samples/2024-07-25-login/slack-export.zip"),
                                   test::corpus_path("slack/slackdump/source_export.zip"),
                                   test::corpus_path("third-party/slack-export/hfaran-testarchive.zip"),
                                   test::corpus_path("third-party/slack-export/alx-cohort-2023-slack-export.zip")}) {
        INFO(path);
        const std::string archive = test::read_file(path);
        const auto entries = plain_directory(archive);
        REQUIRE(entries);
        int error = 0;
        zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
        REQUIRE(zip);
        REQUIRE(static_cast<zip_int64_t>(entries->size()) == zip_get_num_entries(zip, 0));
        for (std::size_t i = 0; i < entries->size(); ++i) {
            zip_stat_t st;
            REQUIRE(zip_stat_index(zip, i, 0, &st) == 0);
            const io::ZipDirectoryEntry& e = (*entries)[i];
            CHECK(e.name == st.name);
            CHECK(e.size == st.size);
            CHECK(e.compressed_size == st.comp_size);
            CHECK(e.crc == st.crc);
            CHECK(e.method == st.comp_method);
            CHECK(io::zip_data_offset(archive.substr(e.local_header_offset), e.local_header_offset));
        }
        // The tree reads each entry as libzip's stream inflates it.
        auto tree = io::open_zip_tree(path, path);
        Diagnostics diags = test::quiet_diagnostics();
        for (const TreeEntry& entry : tree->entries()) {
            std::string ours;
            REQUIRE(tree->read(entry, ours, 1 << 30, diags));
            zip_file_t* file = zip_fopen(zip, entry.path.c_str(), 0);
            REQUIRE(file);
            std::string theirs(1 << 20, '\0');
            const zip_int64_t n = zip_fread(file, theirs.data(), theirs.size());
            zip_fclose(file);
            REQUIRE(n >= 0);
            theirs.resize(static_cast<std::size_t>(n));
            CHECK(ours == theirs);
        }
        CHECK(diags.all().empty());
        zip_discard(zip);
    }
}

TEST_CASE("ZIP64 end records and size fields are followed", "[io][zip]") {
    for (bool zip64_end : {false, true}) {
        for (bool zip64_sizes : {false, true}) {
            INFO("ZIP64 end " << zip64_end << ", ZIP64 sizes " << zip64_sizes);
            const std::string archive = one_entry_archive("a.json", zip64_sizes ? zip64_sizes_extra() : "", zip64_end,
                                                          zip64_sizes);
            const auto entries = plain_directory(archive);
            REQUIRE(entries);
            REQUIRE(entries->size() == 1);
            CHECK(entries->front().name == "a.json");
            CHECK(entries->front().size == 2);
            CHECK(entries->front().compressed_size == 2);
            CHECK(io::zip_data_offset(archive, 0) == 30u + 6u);
            // And the tree reads it (stored, CRC checked) from memory as from stdin.
            auto tree = io::open_zip_tree_in_memory(archive, "<stdin>");
            REQUIRE(tree->entries().size() == 1);
            std::string out;
            Diagnostics diags = test::quiet_diagnostics();
            CHECK(tree->read(tree->entries().front(), out, 1 << 20, diags));
            CHECK(out == "[]");
        }
    }
}

TEST_CASE("anything but a plain archive's directory is left to libzip", "[io][zip]") {
    const std::string good = one_entry_archive();
    REQUIRE(plain_directory(good));
    // Cut short, or with a byte after the end record that its comment length does not count.
    CHECK_FALSE(plain_directory(good.substr(0, good.size() - 1)));
    CHECK_FALSE(plain_directory(good + "x"));
    CHECK_FALSE(plain_directory(""));
    // Names libzip would re-encode (not ASCII) or cut (a NUL), and an Info-ZIP Unicode path field.
    CHECK_FALSE(plain_directory(one_entry_archive("caf\xc3\xa9.json")));
    CHECK_FALSE(plain_directory(one_entry_archive(std::string("a\0b.json", 8))));
    CHECK_FALSE(plain_directory(one_entry_archive("a.json", Bytes{}.n(0x7075, 2).n(5, 2).n(1, 1).n(0, 4).text)));
    // ZIP64 sizes announced but missing from the extra field.
    CHECK_FALSE(plain_directory(one_entry_archive("a.json", "", false, true)));
    // The end record counting two entries for one, or naming another disk.
    std::string two = good;
    two[two.size() - 12] = 2;
    two[two.size() - 14] = 2;
    CHECK_FALSE(plain_directory(two));
    std::string disk = good;
    disk[disk.size() - 18] = 1;
    CHECK_FALSE(plain_directory(disk));
    // A local header that would lie inside the directory.
    std::string inside = good;
    const std::size_t offset_field = good.find(std::string_view("PK\x01\x02", 4)) + 42;
    inside[offset_field] = 40;
    CHECK_FALSE(plain_directory(inside));
}

TEST_CASE("an entry that does not match its directory record is read, and reported, as libzip reads it",
          "[io][zip]") {
    // The stored bytes changed after the CRC was taken: the tree falls back to libzip, which says why.
    std::string archive = one_entry_archive();
    archive[36] = '{';
    auto tree = io::open_zip_tree_in_memory(archive, "x.zip");
    std::string out;
    Diagnostics diags = test::quiet_diagnostics();
    CHECK_FALSE(tree->read(tree->entries().front(), out, 1 << 20, diags));
    CHECK(test::texts(diags) == std::vector<std::string>{
                                    "x.zip!/a.json: error: entry is damaged: CRC error [ingest.bad-archive]"});
}
