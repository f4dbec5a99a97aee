// Byte streams over memory, files and stdin; reading an Input whole.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "retro/diagnostic.hpp"
#include "retro/source.hpp"

namespace retro::io {

class MemoryStream final : public ByteStream {
public:
    explicit MemoryStream(std::string data) : m_data(std::move(data)) {}
    std::size_t read(char* buffer, std::size_t size) override;

private:
    std::string m_data;
    std::size_t m_pos = 0;
};

// A POSIX file descriptor (a file or stdin). Throws retro::Error on a read failure.
class FileStream final : public ByteStream {
public:
    FileStream(int fd, std::string name, bool owns);
    ~FileStream() override;
    std::size_t read(char* buffer, std::size_t size) override;

private:
    int m_fd;
    std::string m_name;
    bool m_owns;
};

// Reads the rest of `input` (head, then stream) into a string. Past `limit` bytes stops, reports
// `ingest.too-large` and returns false; stream damage is reported as `ingest.truncated`.
bool read_all(Input& input, std::string& out, std::uint64_t limit, Diagnostics& diags);

// Yields `head` then the rest of `stream`: for parsers that read an Input as one stream.
class HeadThenStream final : public ByteStream {
public:
    HeadThenStream(std::string head, ByteStream* stream) : m_head(std::move(head)), m_stream(stream) {}
    std::size_t read(char* buffer, std::size_t size) override;
    std::string damage() const override { return m_stream ? m_stream->damage() : std::string(); }

private:
    std::string m_head;
    std::size_t m_pos = 0;
    ByteStream* m_stream;
};

}  // namespace retro::io
