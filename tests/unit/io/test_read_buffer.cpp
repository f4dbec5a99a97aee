// ReadBuffer: the bytes a reader has read and not consumed, read from a stream with no zero-fill.
#include <catch2/catch.hpp>

#include <string>

#include "io/byte_streams.hpp"
#include "io/read_buffer.hpp"

using namespace retro;

TEST_CASE("a read buffer holds what was appended and read, in order, across growth", "[read-buffer]") {
    io::ReadBuffer buffer;
    CHECK(buffer.size() == 0);
    CHECK(buffer.view().empty());
    buffer.append("head:");
    std::string text;
    for (int i = 0; i < 5000; ++i) text += std::to_string(i) + ',';
    io::MemoryStream stream(text);
    std::size_t total = 0;
    for (std::size_t n; (n = buffer.read_from(stream, 7)) > 0;) total += n;  // grows many times
    CHECK(total == text.size());
    CHECK(buffer.view() == "head:" + text);
    CHECK(buffer.read_from(stream, 1 << 20) == 0);  // at the end: nothing more, and nothing lost
    CHECK(buffer.size() == 5 + text.size());
}

TEST_CASE("a read buffer drops consumed bytes from its front and keeps the rest", "[read-buffer]") {
    io::ReadBuffer buffer;
    buffer.append("0123456789");
    buffer.erase_front(4);
    CHECK(buffer.view() == "456789");
    CHECK(buffer[0] == '4');
    buffer.append("ab");
    CHECK(buffer.view() == "456789ab");
    buffer.erase_front(0);
    CHECK(buffer.view() == "456789ab");
    buffer.erase_front(100);  // more than it holds: empty, not an error
    CHECK(buffer.size() == 0);
    buffer.append("x");
    CHECK(buffer.view() == "x");
}
