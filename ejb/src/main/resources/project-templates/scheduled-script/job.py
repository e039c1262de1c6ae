"""A job: writes a timestamped report into OUTPUT_DIR."""
import datetime
import os
import pathlib

out = pathlib.Path(os.environ.get("OUTPUT_DIR", "output"))
out.mkdir(parents=True, exist_ok=True)
now = datetime.datetime.now(datetime.timezone.utc)
(out / f"report-{now:%Y%m%dT%H%M%SZ}.txt").write_text(f"Ran at {now.isoformat()}\n")
print(f"Report written to {out}")
