// Large results a command is done with, left for the process's exit to free.
#pragma once

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace retro {

// Moves `value` where it stays until the process exits, never destroyed: the operating system takes back a
// process's memory at once, where destroying a million events one heap block at a time takes a tenth of a
// second on one thread. Only for what a command holds at its very end, never in a loop. The holder stays
// reachable from a static, so leak checkers do not count it as lost.
template <class T>
void keep_until_exit(T&& value) {
    struct Held {
        virtual ~Held() = default;
    };
    struct Value final : Held {
        explicit Value(T&& v) : held(std::move(v)) {}
        T held;
    };
    static auto* const kept = new std::vector<std::unique_ptr<Held>>();
    static std::mutex guard;
    std::lock_guard lock(guard);
    kept->push_back(std::make_unique<Value>(std::move(value)));
}

}  // namespace retro
