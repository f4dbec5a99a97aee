#include <catch2/catch.hpp>

#include "io/byte_streams.hpp"
#include "io/json_records.hpp"
#include "test_support.hpp"

using namespace retro;

namespace {

struct Framed {
    std::vector<std::string> records;
    std::vector<std::string> positions;  // "line:col"
    std::vector<std::string> diagnostics;
};

// Frames `text`, split into a head of `head_size` bytes and a stream of the rest read `chunk` bytes at a time.
Framed frame(const std::string& text, std::size_t head_size = 64 * 1024, std::uint64_t max = 1 << 20) {
    class Chunked final : public ByteStream {
    public:
        explicit Chunked(std::string s) : m_s(std::move(s)) {}
        std::size_t read(char* b, std::size_t n) override {
            n = std::min({n, m_s.size() - m_pos, std::size_t{3}});
            std::copy_n(m_s.data() + m_pos, n, b);
            m_pos += n;
            return n;
        }

    private:
        std::string m_s;
        std::size_t m_pos = 0;
    };
    const std::string head = text.substr(0, std::min(head_size, text.size()));
    Chunked rest(text.size() > head.size() ? text.substr(head.size()) : std::string());
    auto diags = test::quiet_diagnostics();
    io::JsonRecordReader reader("f", head, &rest, max, diags);
    Framed out;
    io::JsonRecord r;
    while (reader.next(r)) {
        out.records.emplace_back(r.bytes);
        out.positions.push_back(std::to_string(r.origin.line) + ":" + std::to_string(r.origin.column));
    }
    out.diagnostics = test::texts(diags);
    return out;
}

}  // namespace

TEST_CASE("NDJSON lines are records, blank lines and CRLF ignored") {
    for (std::size_t head : {std::size_t{65536}, std::size_t{5}}) {
        const auto f = frame("{\"a\":1}\r\n\n  {\"b\":\"}\"}\n[3]", head);
        CHECK(f.records == std::vector<std::string>{"{\"a\":1}", "{\"b\":\"}\"}", "[3]"});
        CHECK(f.positions == std::vector<std::string>{"1:1", "3:3", "4:1"});
        CHECK(f.diagnostics.empty());
    }
}

TEST_CASE("a broken NDJSON line costs only itself") {
    const auto f = frame("{\"a\":1}\n{\"b\":\n{\"c\":3}\n");
    CHECK(f.records == std::vector<std::string>{"{\"a\":1}", "{\"b\":", "{\"c\":3}"});
    CHECK(f.positions == std::vector<std::string>{"1:1", "2:1", "3:1"});
}

TEST_CASE("pretty-printed documents one after another are framed by depth") {
    const std::string text = "{\n  \"a\": [1, {\"x\": \"]}\"}]\n}\n{\n  \"b\": 2\n}{\"c\":3}\n[\n]\n";
    for (std::size_t head : {std::size_t{65536}, std::size_t{7}}) {
        const auto f = frame(text, head);
        REQUIRE(f.records.size() == 4);
        CHECK(f.records[0] == "{\n  \"a\": [1, {\"x\": \"]}\"}]\n}");
        CHECK(f.records[2] == "{\"c\":3}");
        CHECK(f.positions == std::vector<std::string>{"1:1", "4:1", "6:2", "7:1"});
        CHECK(f.diagnostics.empty());
    }
}

TEST_CASE("NDJSON after a first one-line record may still hold a pretty-printed document") {
    const auto f = frame("{\"a\":1}\n{\n\"b\":2\n}\n{\"c\":3}\n");
    CHECK(f.records == std::vector<std::string>{"{\"a\":1}", "{\n\"b\":2\n}", "{\"c\":3}"});
}

TEST_CASE("junk between documents is reported once and skipped to the next line") {
    const auto f = frame("{\n\"a\":1\n}\nnot json\nmore junk\n{\"b\":2}\n");
    CHECK(f.records == std::vector<std::string>{"{\n\"a\":1\n}", "{\"b\":2}"});
    CHECK(f.diagnostics ==
          std::vector<std::string>{"f:4:1: error: expected a JSON object or array, found 'n'; skipping to the next line [ingest.bad-json]"});
}

TEST_CASE("a BOM is skipped and a truncated document is handed over as is") {
    const auto f = frame("\xEF\xBB\xBF{\"a\":[1,2");
    CHECK(f.records == std::vector<std::string>{"{\"a\":[1,2"});
}

TEST_CASE("records over the limit are skipped with a diagnostic") {
    const std::string big = "{\"s\":\"" + std::string(100, 'x') + "\"}";
    const auto f = frame("{\"a\":1}\n" + big + "\n{\"b\":2}\n", 65536, 50);
    CHECK(f.records == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"});
    CHECK(f.diagnostics ==
          std::vector<std::string>{"f:2:1: error: record larger than the limit of 50 bytes; skipped [ingest.record-too-large]"});
    const auto g = frame("{\n\"s\":\"" + std::string(100, 'x') + "\"\n}\n{\n\"b\":2\n}", 16, 50);
    CHECK(g.records == std::vector<std::string>{"{\n\"b\":2\n}"});
    CHECK(g.diagnostics.size() == 1);
}
