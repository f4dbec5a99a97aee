// The signal side of safe outputs: fixed storage the handler can read without allocating, and only
// async-signal-safe calls (unlink, signal, raise) inside it.
#include "cli/temp_files.hpp"

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>

#include <unistd.h>

#include <fmt/format.h>

#include "retro/error.hpp"

namespace retro::cli {
namespace {

constexpr std::size_t max_temp_files = 8;
constexpr std::size_t max_path = 4096;

struct Slot {
    std::atomic<bool> used{false};
    char path[max_path];
};
std::array<Slot, max_temp_files> g_slots;

}  // namespace

void remove_temp_files() {
    for (Slot& slot : g_slots)
        if (slot.used.load(std::memory_order_acquire)) ::unlink(slot.path);
}

namespace {

extern "C" void on_fatal_signal(int signal) {
    remove_temp_files();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

}  // namespace

void install_signal_cleanup() {
    static const bool installed = [] {
        for (const int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
            struct sigaction action {};
            struct sigaction old {};
            ::sigaction(s, nullptr, &old);
            if (old.sa_handler == SIG_IGN) continue;  // nohup and friends asked for it to be ignored
            action.sa_handler = on_fatal_signal;
            sigemptyset(&action.sa_mask);
            ::sigaction(s, &action, nullptr);
        }
        std::signal(SIGPIPE, SIG_IGN);
        return true;
    }();
    static_cast<void>(installed);
}

int remember_temp_file(const std::string& path) {
    if (path.size() >= max_path) throw Error(fmt::format("{}: path too long for a temporary output file", path));
    for (std::size_t i = 0; i < g_slots.size(); ++i) {
        Slot& slot = g_slots[i];
        if (slot.used.load(std::memory_order_acquire)) continue;
        std::memcpy(slot.path, path.c_str(), path.size() + 1);
        slot.used.store(true, std::memory_order_release);
        return static_cast<int>(i);
    }
    throw Error("too many temporary output files open at once");
}

void forget_temp_file(int slot) {
    if (slot >= 0 && static_cast<std::size_t>(slot) < g_slots.size())
        g_slots[static_cast<std::size_t>(slot)].used.store(false, std::memory_order_release);
}

}  // namespace retro::cli
