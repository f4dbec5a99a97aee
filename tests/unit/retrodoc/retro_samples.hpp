// A small retro in the house style, read by the reader's tests and turned into events by the ingester's.
// Its positions are worked out by hand in test_retro_document.cpp.
#pragma once

namespace retro::test {

inline constexpr const char* small_retro = R"(# Incident retro - search not available

**Incident from:** 2024-07-25

**Incident until:** 2024-07-25

**Retro held:** 2024-07-26

* [Timeline](#timeline)
* [Actions](#actions)

## Timeline

### Thursday 25 July

Morning: deploys paused

10.00 NP noticed errors\
second line <https://example.org/a>\
third `code` line

11:36 RC: reverted
- 11.40 AG list entry

```
{"status": 403}
```

## Actions

**LB**

* Review behaviour
* Review code

**SB**
)";

}  // namespace retro::test
