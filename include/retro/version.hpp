#pragma once

#include <string_view>

namespace retro {

inline constexpr std::string_view version = "0.1.0";

}  // namespace retro
