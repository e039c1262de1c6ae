"""The reference of bench/repodata-build.sh: what conda-index does last, in plain Python.

Reads OUT/records.tsv (file name, TAB, record JSON), then RUNS times: builds the repodata dict,
writes repodata.json (json.dumps with sorted keys, compact) and repodata.json.zst (zstandard
level 6): the two files Tessera writes. Prints "full MS" per run.
Usage: /usr/bin/python3 repodata_reference.py OUT RUNS
"""
import json
import os
import sys
import time

import zstandard

out, runs = sys.argv[1], int(sys.argv[2])
with open(os.path.join(out, "records.tsv"), encoding="utf-8") as f:
    lines = [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]
for run in range(runs + 1):
    start = time.perf_counter()
    packages, conda = {}, {}
    for name, record in lines:
        (conda if name.endswith(".conda") else packages)[name] = json.loads(record)
    data = json.dumps({"info": {"subdir": "linux-64"}, "packages": packages, "packages.conda": conda, "removed": [], "repodata_version": 1},
                      sort_keys=True, separators=(",", ":")).encode()
    with open(os.path.join(out, "ref-repodata.json"), "wb") as f:
        f.write(data)
    with open(os.path.join(out, "ref-repodata.json.zst"), "wb") as f:
        f.write(zstandard.ZstdCompressor(level=6).compress(data))
    if run > 0:
        print("full %d" % ((time.perf_counter() - start) * 1000))
