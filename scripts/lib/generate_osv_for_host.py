#!/usr/bin/env python3
"""Writes COUNT generated OSV records of the Debian release of this host into FOLDER, one
file per record, for scripts/bench-vuln.sh: a tenth of them name a source package installed
here (from dpkg's status file), the rest made-up packages; ranges from "0" or a version to a
fixed version or none, as Debian's records have them. Seeded (ZT_BENCH_SEED, default 15)."""
import json, os, random, re, sys

folder, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(int(os.environ.get("ZT_BENCH_SEED", "15")))

release = "12"
with open("/etc/os-release") as f:
    for line in f:
        if line.startswith("VERSION_ID="):
            release = line.split("=", 1)[1].strip().strip('"')
ecosystem = f"Debian:{release}"

sources = set()
with open("/var/lib/dpkg/status") as f:
    for stanza in f.read().split("\n\n"):
        name = re.search(r"^Package: (\S+)", stanza, re.M)
        source = re.search(r"^Source: (\S+)", stanza, re.M)
        if name:
            sources.add(source.group(1) if source else name.group(1))
sources = sorted(sources)


def version():
    v = f"{rng.randint(0, 20)}.{rng.randint(0, 20)}.{rng.randint(0, 20)}-{rng.randint(1, 5)}"
    return ("1:" if rng.random() < 0.1 else "") + v


for n in range(count):
    package = rng.choice(sources) if n % 10 == 0 else f"bench-pkg{rng.randint(0, 30000)}"
    events = [{"introduced": "0" if rng.random() < 0.7 else version()}]
    if rng.random() < 0.8:
        events.append({"fixed": version()})
    record = {
        "id": f"DEBIAN-CVE-{2000 + n % 25}-{n}",
        "modified": "2026-12-01T00:00:00Z",
        "upstream": [f"CVE-{2000 + n % 25}-{n}"],
        "affected": [{"package": {"name": package, "ecosystem": ecosystem},
                      "ranges": [{"type": "ECOSYSTEM", "events": events}]}],
    }
    with open(os.path.join(folder, record["id"] + ".json"), "w") as out:
        json.dump(record, out)
