#!/usr/bin/env python3
"""Hostile archives (issue 9 part 3): a truncated ZIP, entry names leading outside the archive, zip bombs
refused under the [ingest] max_entry_bytes limit. Each gives its exact diagnostic, the good input beside it
is still read, --strict exits 1, and the ledger balances."""
import io
import sys
import zipfile

from hostile_inputs import (GOOD_IDS, SLACK_GOOD_DAY, SLACK_GOOD_ID, write_config, write_good_events, write_slack_export,
                            write_zip_bomb)
from retro_run import Suite, run_retro


def main():
    suite = Suite("hostile-archives")
    tmp = suite.tmp
    good = write_good_events(tmp)
    no_workspace = "{}: note: no workspace found in the export's file permalinks: events carry no permalinks " \
                   "(--slack-workspace NAME or `slack_workspace` in retro.toml adds them) [slack.no-workspace]"

    # A download cut inside the second day's data: the first day is read, the cut is an error.
    whole = write_slack_export(tmp / "whole.zip", days=[
        ("general/2024-07-25.json", [{"type": "message", "user": "U01", "text": f"m{i}", "ts": f"1721901600.{i:06d}"}
                                     for i in range(500)]),
        ("general/2024-07-26.json", [{"type": "message", "user": "U01", "text": f"n{i}", "ts": f"1721988000.{i:06d}"}
                                     for i in range(500)])]).read_bytes()
    day_two = "general/2024-07-26.json"
    second_day = whole.find(b"PK\x03\x04", whole.find(b"general/2024-07-25.json") + 30)
    needed = zipfile.ZipFile(io.BytesIO(whole)).getinfo(day_two).compress_size
    cut = tmp / "cut-in-entry.zip"
    cut.write_bytes(whole[:second_day + 300])
    run = suite.check_input(
        "ZIP cut inside an entry", [cut, good], includes=GOOD_IDS, expected_stderr=[
        f"{cut}!/general/2024-07-26.json: error: entry is damaged after 0 bytes: ZIP decompression failed (-5) "
        "[ingest.truncated]",
        no_workspace.format(cut),
        f"{cut}: error: ZIP is truncated or damaged: reading stopped after 4 entries (Truncated input file "
        f"(needed {needed} bytes, only {300 - 30 - len(day_two)} available)); the central directory is missing "
        "[ingest.truncated]"])
    suite.check("ZIP cut inside an entry: the day before the cut is read",
                sum(i.startswith("slack:C01/1721901600.") for i in run.event_ids) == 500, run)

    # A download cut inside the central directory: every local entry is there, but that is not known.
    cut_directory = tmp / "cut-in-directory.zip"
    cut_directory.write_bytes(whole[:-30])
    run = suite.check_input(
        "ZIP cut inside its central directory", [cut_directory, good], includes=GOOD_IDS, expected_stderr=[
        no_workspace.format(cut_directory),
        f"{cut_directory}: error: ZIP is damaged: its central directory is unreadable (Not a zip archive); "
        "4 entries read from their local headers, later ones may be lost [ingest.truncated]"])
    suite.check("ZIP cut inside its central directory: both days are read", len(run.event_ids) == 1002, run)

    # Entry names that lead outside the archive are refused by name; the rest of the export is read.
    evil = write_slack_export(tmp / "evil.zip", extra=lambda z: (z.writestr("../../etc/passwd.json", "[]"),
                                                                  z.writestr("/abs/general/2024-07-26.json", "[]"),
                                                                  z.writestr("general/../../up.json", "[]")))
    run = suite.check_input(
        "ZIP with ../ entry names", [evil, good], includes=GOOD_IDS, expected_stderr=[
        no_workspace.format(evil),
        f'{evil}: error: entry "../../etc/passwd.json" refused: its name leads outside the archive '
        "[ingest.unsafe-entry]",
        f'{evil}: error: entry "/abs/general/2024-07-26.json" refused: its name leads outside the archive '
        "[ingest.unsafe-entry]",
        f'{evil}: error: entry "general/../../up.json" refused: its name leads outside the archive '
        "[ingest.unsafe-entry]"])
    suite.check("ZIP with ../ entry names: its good day is read", SLACK_GOOD_ID in run.event_ids, run)

    # A zip bomb that declares its size: refused under the default 1 GiB limit before inflating anything.
    declared = write_zip_bomb(tmp / "declared-bomb.zip", 1 << 20, declared_bytes=0xF0000000)
    run = suite.check_input(
        "zip bomb declaring 3.75 GB", [declared, good], includes=GOOD_IDS, expected_stderr=[
        f"{declared}!/general/2024-07-26.json: error: entry inflates past 1073741824 bytes (the [ingest] "
        "max_entry_bytes limit): refused [ingest.entry-too-large]",
        no_workspace.format(declared)])
    suite.check("zip bomb declaring 3.75 GB: the good day is read", SLACK_GOOD_ID in run.event_ids, run)

    # A zip bomb that lies (declares 100 bytes, inflates to 64 MB): stopped by the inflated byte count
    # under a configured limit of 1 MB.
    lying = write_zip_bomb(tmp / "lying-bomb.zip", 64 << 20, declared_bytes=100)
    config = write_config(tmp / "small-entries.toml", max_entry_bytes=1 << 20)
    run = suite.check_input(
        "zip bomb declaring 100 bytes", [lying, good], includes=GOOD_IDS, expected_stderr=[
        f"{lying}!/general/2024-07-26.json: error: entry inflates past 1048576 bytes (the [ingest] "
        "max_entry_bytes limit): refused [ingest.entry-too-large]",
        no_workspace.format(lying)], options=["--config", str(config)])
    suite.check("zip bomb declaring 100 bytes: the good day is read", SLACK_GOOD_ID in run.event_ids, run)

    # An entry whose bytes do not match the CRC it declares (local header and central directory): the fast
    # whole-entry inflate refuses it and libzip's reading reports it, the rest of the export is read.
    wrong_crc = write_slack_export(tmp / "wrong-crc.zip", days=[SLACK_GOOD_DAY, (
        "general/2024-07-26.json", [{"type": "message", "user": "U01", "text": "x", "ts": "1721988000.000001"}])])
    data = wrong_crc.read_bytes()
    crc = zipfile.ZipFile(io.BytesIO(data)).getinfo("general/2024-07-26.json").CRC.to_bytes(4, "little")
    assert data.count(crc) == 2
    wrong_crc.write_bytes(data.replace(crc, (int.from_bytes(crc, "little") ^ 0xDEADBEEF).to_bytes(4, "little")))
    run = suite.check_input(
        "ZIP entry not matching its CRC", [wrong_crc, good], includes=GOOD_IDS, expected_stderr=[
        f"{wrong_crc}!/general/2024-07-26.json: error: entry is damaged: CRC error [ingest.bad-archive]",
        no_workspace.format(wrong_crc)])
    suite.check("ZIP entry not matching its CRC: the good day is read", SLACK_GOOD_ID in run.event_ids, run)

    # The same ZIP on stdin (held in memory, read the same way).
    run = run_retro("events", "--config", str(config), "-", stdin=lying.read_bytes())
    suite.check("zip bomb on stdin", run.diagnostics[:1] == [
        "<stdin>!/general/2024-07-26.json: error: entry inflates past 1048576 bytes (the [ingest] max_entry_bytes "
        "limit): refused [ingest.entry-too-large]"] and SLACK_GOOD_ID in run.event_ids, run)
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
