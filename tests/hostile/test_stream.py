#!/usr/bin/env python3
"""A 1 GB NDJSON stream on stdin with one bad line in the middle (issue 9 part 3): `retro events --unsorted -`
reports that line exactly, passes every other event through in input order, and keeps its peak RSS under
100 MB (constant memory). The stream comes from a Python generator, piped in as it is produced.

RETRO_HOSTILE_STREAM_MB sets the size (default 1024; the sanitizer build passes less to stay fast)."""
import os
import sys

from hostile_inputs import event_line
from retro_run import Suite, run_retro

BLOCK_EVENTS = 1000


def stream(total_bytes, bad_line):
    """Blocks of BLOCK_EVENTS events (ids s:0…s:999, repeated) up to `total_bytes`; `bad_line` is written
    after the block that crosses the middle. Yields (chunks) and records what it wrote in `stream.stats`."""
    block = b"".join(event_line(f"s:{i}", text="y" * 400) for i in range(BLOCK_EVENTS))
    written, events, bad_at = 0, 0, None
    while written < total_bytes:
        yield block
        written += len(block)
        events += BLOCK_EVENTS
        if bad_at is None and written >= total_bytes // 2:
            bad_at = events + 1  # the bad line's line number
            yield bad_line
    stream.stats = {"events": events, "bad_at": bad_at}


def main():
    suite = Suite("hostile-stream")
    total = int(os.environ.get("RETRO_HOSTILE_STREAM_MB", "1024")) << 20
    bad = b'{"schema":"retro.event/1","id":\n'
    run = run_retro("events", "--unsorted", "-", stdin=stream(total, bad), keep_stdout=False, timeout=300)
    stats = stream.stats
    suite.check("one diagnostic, at the bad line", run.diagnostics == [
        f"<stdin>:{stats['bad_at']}:32: error: invalid JSON: unexpected end of input [events.bad-json]"], run)
    suite.check("every good event passes through", run.stdout_lines == stats["events"],
                f"{run.stdout_lines} of {stats['events']}")
    suite.check("exit 0 without --strict", run.exit == 0, run)
    suite.check("constant memory: peak RSS under 100 MB", run.peak_rss_mb < 100, run)
    print(f"{total >> 20} MB streamed in {run.seconds:.1f} s, peak RSS {run.peak_rss_mb:.0f} MB")
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
