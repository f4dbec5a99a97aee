#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <zlib.h>

#include "io/byte_streams.hpp"
#include "io/folder_tree.hpp"
#include "io/open_input.hpp"
#include "retro/error.hpp"
#include "test_support.hpp"

using namespace retro;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir() {
    const fs::path dir = fs::temp_directory_path() / ("retro-test-io-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

void write_gzip(const fs::path& path, const std::string& data) {
    gzFile f = gzopen(path.c_str(), "wb");
    gzwrite(f, data.data(), static_cast<unsigned>(data.size()));
    gzclose(f);
}

}  // namespace

TEST_CASE("gzip files are decoded on the fly, truncation is damage, not a crash") {
    const fs::path dir = temp_dir();
    std::string data;
    for (int i = 0; i < 20000; ++i) data += "{\"n\":" + std::to_string(i) + "}\n";
    write_gzip(dir / "a.ndjson.gz", data);
    {
        Input input = io::open_input((dir / "a.ndjson.gz").string());
        auto diags = test::quiet_diagnostics();
        std::string out;
        CHECK(io::read_all(input, out, 1 << 30, diags));
        CHECK(out == data);
        CHECK(test::texts(diags).empty());
    }
    const std::string whole = test::read_file((dir / "a.ndjson.gz").string());
    std::ofstream(dir / "cut.gz", std::ios::binary) << whole.substr(0, whole.size() / 2);
    Input input = io::open_input((dir / "cut.gz").string());
    auto diags = test::quiet_diagnostics();
    std::string out;
    io::read_all(input, out, 1 << 30, diags);
    CHECK(out.size() > 0);
    CHECK(out.size() < data.size());
    REQUIRE(test::texts(diags).size() == 1);
    CHECK(test::texts(diags)[0].find("truncated gzip stream after") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a missing path is an environment error, folders open as trees") {
    CHECK_THROWS_AS(io::open_input("/nonexistent/retro/x.json"), Error);
    const fs::path dir = temp_dir();
    fs::create_directories(dir / "b" / "c");
    std::ofstream(dir / "b" / "c" / "z.json") << "{}";
    std::ofstream(dir / "a.txt") << "a";
    std::ofstream(dir / ".hidden") << "h";
    Input input = io::open_input(dir.string());
    REQUIRE(input.tree);
    const auto& entries = input.tree->entries();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].path == ".hidden");
    CHECK(entries[1].path == "a.txt");
    CHECK(entries[2].path == "b/c/z.json");
    const auto children = io::list_children(dir.string(), dir.string());
    REQUIRE(children.size() == 3);
    CHECK(children[0].path == (dir / ".hidden").string());
    CHECK(children[0].skip == io::Child::Skip::hidden);
    CHECK(children[1].path == (dir / "a.txt").string());
    CHECK(children[1].skip == io::Child::Skip::none);
    CHECK(children[2].path == (dir / "b").string());
    CHECK(children[2].skip == io::Child::Skip::none);
    auto diags = test::quiet_diagnostics();
    std::string out;
    CHECK(input.tree->read(entries[2], out, 100, diags));
    CHECK(out == "{}");
    fs::remove_all(dir);
}

TEST_CASE("bytes in memory open as stdin would: gzip decoded, a ZIP as a tree, the rest as a stream") {
    {
        Input input = io::open_bytes("<stdin>", "{\"a\":1}\n");
        CHECK(input.name == "<stdin>");
        CHECK(input.head == "{\"a\":1}\n");
        CHECK_FALSE(input.tree);
    }
    {
        const std::string data(100000, 'x');  // more than the head
        Input input = io::open_bytes("<stdin>", data);
        CHECK(input.head.size() == io::head_size);
        auto diags = test::quiet_diagnostics();
        std::string out;
        CHECK(io::read_all(input, out, 1 << 30, diags));
        CHECK(out == data);
    }
    const fs::path dir = temp_dir();
    write_gzip(dir / "a.gz", "hello\n");
    {
        Input input = io::open_bytes("<stdin>", test::read_file((dir / "a.gz").string()));
        CHECK(input.head == "hello\n");
    }
    fs::remove_all(dir);
    Input zip =
        io::open_bytes("<stdin>", test::read_file(RETRO_SOURCE_DIR "/samples/2024-07-25-login/slack-export.zip"));
    REQUIRE(zip.tree);
    CHECK(zip.head.empty());
    CHECK(zip.tree->entries().size() > 3);
}
