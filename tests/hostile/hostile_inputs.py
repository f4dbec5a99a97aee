"""Builders for the hostile-input tests: good companion inputs (whose events must survive next to a hostile
one), Slack export ZIPs with chosen damage, and retro.toml files with small limits. Big inputs are made at
test time, in a temp folder, never committed."""
import json
import zipfile
from pathlib import Path

GOOD_IDS = ["good:1", "good:2"]


def event_line(event_id, time="2024-07-25T10:00:00Z", text="x"):
    return (json.dumps({"schema": "retro.event/1", "id": event_id, "time": time, "kind": "note",
                        "source": {"kind": "notes"}, "text": text}, separators=(",", ":")) + "\n").encode()


def write_good_events(folder: Path) -> Path:
    """A small NDJSON file whose events (GOOD_IDS) must come out next to any hostile input."""
    path = folder / "good.ndjson"
    path.write_bytes(event_line(GOOD_IDS[0], "2024-07-25T10:00:00Z", "good one")
                     + event_line(GOOD_IDS[1], "2024-07-25T10:05:00Z", "good two"))
    return path


def slack_message(ts, text, user="U01"):
    return {"type": "message", "user": user, "text": text, "ts": ts}


SLACK_CHANNELS = [{"id": "C01", "name": "general"}]
SLACK_USERS = [{"id": "U01", "name": "ann", "real_name": "Ann Bee"}]
SLACK_GOOD_DAY = ("general/2024-07-25.json", [slack_message("1721901600.000100", "hello from a good day")])
SLACK_GOOD_ID = "slack:C01/1721901600.000100"


def write_slack_export(path: Path, days=(SLACK_GOOD_DAY,), extra=None) -> Path:
    """A Slack export ZIP: metadata, `days` as (entry name, messages), then `extra(zipfile)` adds more."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("channels.json", json.dumps(SLACK_CHANNELS))
        z.writestr("users.json", json.dumps(SLACK_USERS))
        for name, messages in days:
            z.writestr(name, json.dumps(messages) if not isinstance(messages, (bytes, str)) else messages)
        if extra:
            extra(z)
    return path


def write_slack_export_dir(folder: Path, day_bytes: dict) -> Path:
    """A Slack export folder with the good day plus `day_bytes` {relative path: bytes}."""
    (folder / "general").mkdir(parents=True, exist_ok=True)
    (folder / "channels.json").write_text(json.dumps(SLACK_CHANNELS))
    (folder / "users.json").write_text(json.dumps(SLACK_USERS))
    (folder / SLACK_GOOD_DAY[0]).write_text(json.dumps(SLACK_GOOD_DAY[1]))
    for name, data in day_bytes.items():
        (folder / name).write_bytes(data)
    return folder


def write_config(path: Path, **ingest) -> Path:
    """A retro.toml with an [ingest] section of the given keys."""
    path.write_text("[ingest]\n" + "".join(f"{k} = {v}\n" for k, v in ingest.items()))
    return path


def set_declared_size(zip_bytes: bytes, entry: str, size: int) -> bytes:
    """Rewrites the uncompressed size an entry declares (local header and central directory): a ZIP that
    lies about what its entry inflates to."""
    data = bytearray(zip_bytes)
    name = entry.encode()
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at:at + name_at + len(name)] == name:
                data[at + size_at:at + size_at + 4] = size.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    return bytes(data)


def write_zip_bomb(path: Path, inflated_bytes: int, declared_bytes=None) -> Path:
    """A Slack export whose `general/2024-07-26.json` is a tiny deflated entry of `inflated_bytes` spaces
    (declaring `declared_bytes` when given), beside the good day."""
    bomb = "general/2024-07-26.json"

    def add(z):
        info = zipfile.ZipInfo(bomb)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=inflated_bytes >= 1 << 31) as f:
            chunk = b" " * (1 << 20)
            for _ in range(inflated_bytes >> 20):
                f.write(chunk)
    write_slack_export(path, extra=add)
    if declared_bytes is not None:
        path.write_bytes(set_declared_size(path.read_bytes(), bomb, declared_bytes))
    return path
