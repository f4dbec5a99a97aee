// A hash for unordered containers keyed by std::string that are looked up by std::string_view (or any text)
// without making a string: with std::equal_to<> it enables C++20's heterogeneous lookup.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace retro {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace retro
