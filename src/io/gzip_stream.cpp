// gzip decompression on the fly with zlib (RFC 1952), including multi-member files as `cat a.gz b.gz`
// makes. A stream that ends before its trailer, or corrupt data, ends the stream with damage().
#include "io/gzip_stream.hpp"

#include <cstring>

#include <fmt/format.h>
#include <zlib.h>

namespace retro::io {

namespace {

class GzipStream final : public ByteStream {
public:
    GzipStream(std::unique_ptr<ByteStream> compressed, std::string head)
        : m_source(std::move(compressed)), m_in(std::move(head)) {
        std::memset(&m_z, 0, sizeof m_z);
        m_ok = inflateInit2(&m_z, 15 + 16) == Z_OK;
        if (!m_ok) m_damage = "cannot start the gzip decoder";
    }
    ~GzipStream() override {
        if (m_ok) inflateEnd(&m_z);
    }
    GzipStream(const GzipStream&) = delete;
    GzipStream& operator=(const GzipStream&) = delete;

    std::size_t read(char* buffer, std::size_t size) override {
        if (m_done || !m_ok) return 0;
        m_z.next_out = reinterpret_cast<Bytef*>(buffer);
        m_z.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
        while (m_z.avail_out > 0) {
            if (m_z.avail_in == 0 && !refill()) {
                if (!m_member_ended) m_damage = fmt::format("truncated gzip stream after {} bytes", m_z.total_out + m_out_before);
                m_done = true;
                break;
            }
            if (m_member_ended) {
                // Another member follows (concatenated .gz files).
                m_out_before += m_z.total_out;
                inflateReset(&m_z);
                m_member_ended = false;
            }
            const int rc = inflate(&m_z, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                m_member_ended = true;
                continue;
            }
            if (rc != Z_OK && rc != Z_BUF_ERROR) {
                m_damage = fmt::format("corrupt gzip data: {}", m_z.msg ? m_z.msg : "inflate failed");
                m_done = true;
                break;
            }
        }
        return size - m_z.avail_out;
    }

    std::string damage() const override { return m_damage; }

private:
    bool refill() {
        if (!m_head_used) {
            m_head_used = true;
            if (!m_in.empty()) {
                m_z.next_in = reinterpret_cast<Bytef*>(m_in.data());
                m_z.avail_in = static_cast<uInt>(m_in.size());
                return true;
            }
        }
        m_in.resize(1 << 16);
        const std::size_t n = m_source->read(m_in.data(), m_in.size());
        if (n == 0) return false;
        m_z.next_in = reinterpret_cast<Bytef*>(m_in.data());
        m_z.avail_in = static_cast<uInt>(n);
        return true;
    }

    std::unique_ptr<ByteStream> m_source;
    std::string m_in;
    z_stream m_z;
    bool m_ok = false;
    bool m_head_used = false;
    bool m_done = false;
    bool m_member_ended = false;
    std::uint64_t m_out_before = 0;
    std::string m_damage;
};

}  // namespace

std::unique_ptr<ByteStream> make_gzip_stream(std::unique_ptr<ByteStream> compressed, std::string head) {
    return std::make_unique<GzipStream>(std::move(compressed), std::move(head));
}

}  // namespace retro::io
