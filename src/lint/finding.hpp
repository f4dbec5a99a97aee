// A lint finding: one defect of a retro file at an exact position, with the rule that found it.
#pragma once

#include <cstdint>
#include <string>

#include "retro/diagnostic.hpp"

namespace retro::lint {

struct Finding {
    std::string file;
    std::uint32_t line = 0, column = 0;  // 1-based; 0 = the file as a whole
    Severity severity = Severity::error;
    std::string rule_id;    // "RETRO004"
    std::string rule_name;  // "filename-date"
    std::string message;
    std::string source_line;  // the raw line, for the caret display
};

}  // namespace retro::lint
