// The one exception type: environment failures (a missing path, an unreadable file, a bad option value).
// Input damage is never thrown: it becomes a Diagnostic. Caught once, in main.
#pragma once

#include <stdexcept>
#include <string>

namespace retro {

class Error : public std::runtime_error {
public:
    // exit_code follows DESIGN.md: 2 for usage errors and unreadable paths, 1 for damaged input.
    explicit Error(const std::string& message, int exit_code = 2)
        : std::runtime_error(message), m_exit_code(exit_code) {}
    int exit_code() const { return m_exit_code; }

private:
    int m_exit_code;
};

}  // namespace retro
