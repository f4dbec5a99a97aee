#include <catch2/catch.hpp>

#include "io/byte_streams.hpp"
#include "io/line_reader.hpp"

using namespace retro;

TEST_CASE("lines end at LF, CRLF or a lone CR") {
    for (std::size_t split : {std::size_t{0}, std::size_t{2}, std::size_t{5}, std::size_t{100}}) {
        const std::string text = "a\r\nbb\rccc\n\nlast";
        const std::string head = text.substr(0, std::min(split, text.size()));
        io::MemoryStream rest(text.size() > head.size() ? text.substr(head.size()) : "");
        io::LineReader reader(head, &rest);
        std::vector<std::string> lines;
        std::string_view line;
        while (reader.next(line)) lines.emplace_back(line);
        CHECK(lines == std::vector<std::string>{"a", "bb", "ccc", "", "last"});
        CHECK(reader.line_number() == 5);
    }
}
