// Sorting items that are mostly in order already, as a stream read from one file is: in time order but for
// a chat post a few seconds behind the alarm it reports.
#pragma once

#include <algorithm>
#include <vector>

namespace retro {

// Sorts `items` by `less` (a strict weak order), as std::sort would: equivalent items may end in any order.
// The items that continue the ascending run so far stay where they are (moved down over the gaps); the
// others are set aside, sorted, and merged back. In-order input costs one comparison an item; each item out
// of order costs what sorting it among the others set aside does. Input in no order at all (everything but
// the first item set aside) costs one pass more than std::sort, and room for as many items again. For items
// whose moves cannot throw: one that throws midway (or a throwing `less`) leaves the set-aside ones lost.
template <class T, class Less>
void sort_nearly_sorted(std::vector<T>& items, Less less) {
    std::vector<T> aside;
    std::size_t run = 0;  // items[0, run) ascend
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (run > 0 && less(items[i], items[run - 1])) {
            aside.push_back(std::move(items[i]));
        } else {
            if (run != i) items[run] = std::move(items[i]);  // never onto itself: a self-move may empty it
            ++run;
        }
    }
    if (aside.empty()) return;
    std::sort(aside.begin(), aside.end(), less);
    // Merged from the back, into the room the set-aside items left at the end: nothing is moved twice.
    std::size_t out = items.size(), from_run = run, from_aside = aside.size();
    while (from_aside > 0) {
        if (from_run > 0 && less(aside[from_aside - 1], items[from_run - 1]))
            items[--out] = std::move(items[--from_run]);
        else
            items[--out] = std::move(aside[--from_aside]);
    }
}

}  // namespace retro
