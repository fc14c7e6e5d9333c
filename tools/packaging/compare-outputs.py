#!/usr/bin/env python3
"""Compares what the Linux and the Windows build of photoveil printed for the same commands
(tools/packaging/check-windows.sh): JSON Lines value by value, text line by line, with each side's
folders replaced by INPUT and OUT and Windows' backslashes by slashes; and the cleaned copies
byte for byte. Exits 1 on any difference in findings, words or files; numbers may differ by at
most 1e-4 (relative), and the largest difference is printed; timings ("seconds") are not compared,
and protect's measures, which are random by design, within a stated band.

    compare-outputs.py WORK LINUX_IN LINUX_OUT WINDOWS_IN WINDOWS_OUT LINUX_CLEAN WINDOWS_CLEAN WINDOWS_OUT_ON_LINUX

(WINDOWS_OUT_ON_LINUX: Windows' output folder as Linux sees it, for `verify`, where the Linux
build measures the copy the Windows build protected.)
"""

import json
import math
import pathlib
import sys

TOLERANCE = 1e-4
# How long a photo took: a measurement of the machine, not an output.
TIMINGS = {"seconds"}
# A protected copy's measures depend on the cloak's random start and transformations and on a
# decoy drawn for each new person, all from the system's secure generator on purpose
# (protect/rng.rs, protect/decoy.rs), so two runs of the same build differ too: on astronaut.png
# at `standard`, seven runs of one Linux build spread over 0.08 in similarity (0.687-0.764 after,
# 0.677-0.762 after the simulated upload), 0.24 dB in PSNR and 0.006 in SSIM. They are compared
# within about twice that spread (a broken cloak shows as a similarity near 1); everything else of
# protect's output (faces, boxes, similarity before, levels, thresholds, verdicts) must match.
RANDOMISED = {
    "psnr": 0.5,
    "similarity_after": 0.15,
    "similarity_after_upload": 0.15,
    "ssim": 0.012,
    "mean": 0.1,
    "p99": 0.1,
}


def normaliser(pairs):
    def norm(s):
        for path, token in pairs:
            s = s.replace(path, token)
        return s.replace("\\", "/").replace("\r\n", "\n")

    return norm


def compare_values(a, b, where, diffs, randomised=None):
    """Appends (where, what) for every difference; returns the largest relative number gap of
    the numbers that are not randomised. `randomised`: the absolute tolerance by key, for
    protect's measures."""
    key = where.rsplit(".", 1)[-1]
    if randomised and key in randomised and isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if abs(a - b) > randomised[key]:
            diffs.append((where, f"{a!r} != {b!r} (more than {randomised[key]} apart)"))
        return 0.0
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        if a != b:
            diffs.append((where, f"{a!r} != {b!r}"))
        return 0.0
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        gap = abs(a - b) / max(1.0, abs(a), abs(b))
        if gap > TOLERANCE or (math.isnan(a) != math.isnan(b)):
            diffs.append((where, f"{a!r} != {b!r}"))
        return gap
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            diffs.append((where, f"keys {sorted(a)} != {sorted(b)}"))
            return 0.0
        return max(
            [compare_values(a[k], b[k], f"{where}.{k}", diffs, randomised) for k in a if k not in TIMINGS] + [0.0]
        )
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            diffs.append((where, f"{len(a)} items != {len(b)} items"))
            return 0.0
        return max(
            [compare_values(x, y, f"{where}[{i}]", diffs, randomised) for i, (x, y) in enumerate(zip(a, b))] + [0.0]
        )
    if a != b:
        diffs.append((where, f"{a!r} != {b!r}"))
    return 0.0


def strings(value, norm):
    if isinstance(value, str):
        return norm(value)
    if isinstance(value, list):
        return [strings(v, norm) for v in value]
    if isinstance(value, dict):
        return {k: strings(v, norm) for k, v in value.items()}
    return value


def main():
    work, lin_in, lin_out, win_in, win_out, lin_clean, win_clean, win_out_on_linux = sys.argv[1:9]
    work = pathlib.Path(work)
    lin = normaliser([(lin_in, "INPUT"), (lin_out.rstrip("/"), "OUT"), (win_out_on_linux.rstrip("/"), "OUT")])
    win = normaliser([(win_in, "INPUT"), (win_out.rstrip("\\"), "OUT")])
    failed = False
    for name in ["scan-json", "scan-text", "clean", "protect", "audit", "audit-text", "rescan", "verify"]:
        a = (work / f"{name}.linux").read_text(encoding="utf-8")
        b = (work / f"{name}.windows").read_text(encoding="utf-8", errors="replace")
        for side in ["linux", "windows"]:
            err = (work / f"{name}.{side}.err").read_text(encoding="utf-8", errors="replace").strip()
            if err:
                print(f"      {name} ({side}) said on stderr: {err[:300]}")
        diffs = []
        gap = 0.0
        if name.endswith("-text"):
            a, b = lin(a), win(b)
            if a != b:
                la, lb = a.splitlines(), b.splitlines()
                first = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), min(len(la), len(lb)))
                diffs.append((f"line {first + 1}", f"{la[first:first + 1]} != {lb[first:first + 1]}"))
        else:
            ja = [json.loads(line) for line in a.splitlines() if line.strip()]
            jb = [strings(json.loads(line), win) for line in b.splitlines() if line.strip()]
            ja = [strings(v, lin) for v in ja]
            gap = compare_values(ja, jb, name, diffs, RANDOMISED if name == "protect" else None)
            if name == "protect" and not diffs:
                shown = [
                    (f"{k}", ja[0]["faces"][0].get(k), jb[0]["faces"][0].get(k))
                    for k in ["similarity_before", "similarity_after", "similarity_after_upload", "passed"]
                    if ja and ja[0].get("faces")
                ]
                print("      protect, Linux vs Windows: " + ", ".join(f"{k} {x} / {y}" for k, x, y in shown))
        lines = len(a.splitlines())
        if diffs:
            failed = True
            print(f"FAIL: {name}: Linux and Windows differ ({len(diffs)} differences), first: {diffs[0][0]}: {diffs[0][1]}")
        elif name == "protect":
            print(f"ok:   {name}: same faces, levels and verdicts; measures within the random band")
        elif gap > 0:
            print(f"ok:   {name}: same output ({lines} lines); numbers differ by at most {gap:.2e} (relative)")
        elif lines == 0:
            failed = True
            print(f"FAIL: {name}: no output")
        else:
            print(f"ok:   {name}: identical output ({lines} lines)")
    la = sorted(p.name for p in pathlib.Path(lin_clean).iterdir())
    lb = sorted(p.name for p in pathlib.Path(win_clean).iterdir())
    same = la == lb and all(
        (pathlib.Path(lin_clean) / n).read_bytes() == (pathlib.Path(win_clean) / n).read_bytes() for n in la
    )
    if same and la:
        print(f"ok:   cleaned copies: {len(la)} files byte-identical to the Linux build's")
    else:
        failed = True
        print(f"FAIL: cleaned copies differ: Linux {la}, Windows {lb}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
