#!/usr/bin/env python3
"""Time `kronika serve` after one-item edits: the median of N rebuilds, as serve reports
each one (from the end of the 100 ms quiet period to the new files being served).

    python3 bench/serve_edits.py --kronika target/release/kronika --root SITE [--edits 20]
        [--verbose] [--item content/news/FILE]

SITE is a kronika site, e.g. one written by the corpus generator of docs/dev/performance.md "Performance".
The script edits the title of the site's first news item, or of --item (and puts it
back at the end), waits for each rebuild's line and prints every figure and the median.
It uses only the Python standard library. With --verbose, kronika's phase timings of every build
(`KRONIKA_TIMINGS=1`) go to stderr. On Linux it also prints the CPU time (user + system)
serve spent per edit, on average, from /proc.
"""

import argparse
import os
import pathlib
import re
import socket
import statistics
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """The user and system CPU time of process `pid` so far, where /proc tells (Linux)."""
    try:
        fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kronika", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--verbose", action="store_true", help="print each phase's timing")
    ap.add_argument(
        "--item",
        help="the file to edit, relative to SITE (default: the first Polish news item)",
    )
    args = ap.parse_args()

    root = pathlib.Path(args.root).resolve()
    if args.item:
        item = root / args.item
    else:
        item = sorted((root / "content" / "news").rglob("*.pl.md"))[0]
    original = item.read_text(encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(
        [args.kronika, "serve", "--root", str(root), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=None if args.verbose else subprocess.DEVNULL,
        text=True,
        env={"LANG": "C", "PATH": "/usr/bin:/bin", "KRONIKA_TIMINGS": "1" if args.verbose else "0"},
    )
    lines = []

    def next_line():
        line = server.stdout.readline()
        if not line:
            sys.exit("kronika serve stopped")
        lines.append(line.strip())
        return line

    try:
        first = next_line()
        print("first build:", first.strip())
        next_line()  # "Serving … at …"
        cpu_before = cpu_seconds(server.pid)
        times = []
        for n in range(args.edits):
            text = re.sub(r"^title: .*$", f"title: Edit {n}", original, count=1, flags=re.M)
            item.write_text(text, encoding="utf-8")
            line = next_line()
            ms = re.search(r"in ([\d,]+) ms", line)
            if not ms:
                sys.exit(f"unexpected line: {line}")
            times.append(int(ms.group(1).replace(",", "")))
            print(f"edit {n + 1}: {line.strip()}")
            time.sleep(0.3)
        print(f"median of {len(times)} edits: {statistics.median(times)} ms")
        cpu_after = cpu_seconds(server.pid)
        if cpu_before is not None and cpu_after is not None:
            cpu = (cpu_after - cpu_before) * 1000 / len(times)
            print(f"CPU (user + system) of serve per edit, on average: {cpu:.0f} ms")
    finally:
        item.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
