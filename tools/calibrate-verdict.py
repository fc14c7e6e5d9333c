#!/usr/bin/env python3
"""How well a shipped checker network predicts the outside judges' verdicts on protected faces.

Joins, face by face, the records `bench_protect` writes (`BENCH_JSONL=FILE`: every network's
similarity after the simulated upload, and which networks the cloak attacked) with the records
`tools/judge-insightface.py --jsonl FILE` writes for the same protected copies (InsightFace's
w600k_mbf after its own upload and re-detection). FaceNet's similarity comes from the bench
records (it is always held out there).

A face counts as protected by the judges when w600k_mbf is below 0.28 AND FaceNet below 0.6.
For each candidate checker (a network of the program that the cloak did not attack for that face:
never a judge) the script sweeps the checker's line and prints, for each line, how often the
checker's pass (similarity below the line) agrees with the judges, the false passes (the checker
says protected, a judge still recognises the face) and the false fails. It then names the line
with the best agreement among those with the fewest false passes.

Usage: tools/calibrate-verdict.py [--line X] BENCH.jsonl LABEL=JUDGE.jsonl [LABEL=JUDGE.jsonl ...]
where LABEL is the bench record's `label` (BENCH_LABEL) whose copies that judge file scored.
`--line X` also prints the agreement at the checker line X (to test a chosen line on new runs).
"""

import json
import sys

W600K_LINE = 0.28
FACENET_LINE = 0.6
JUDGES = {"facenet"}


def iou(a, b):
    """Intersection over union of two [x0, y0, x1, y1] boxes."""
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def joined(bench_path, judge_args):
    """One row per face scored by both: (label, photo, checker sims, w600k, facenet)."""
    bench = read_lines(bench_path)
    rows = []
    for arg in judge_args:
        label, _, path = arg.partition("=")
        for judge in read_lines(path):
            candidates = []
            for b in bench:
                if b["label"] != label or b["photo"] != judge["photo"]:
                    continue
                x, y, w, h = b["box"]
                overlap = iou([x, y, x + w, y + h], judge["box"])
                if overlap > 0.3:
                    candidates.append((overlap, b))
            if not candidates:
                print(f"{label} {judge['photo']} {judge['box']}: no bench face matches", file=sys.stderr)
                continue
            b = max(candidates, key=lambda c: c[0])[1]
            nets = b["networks"]
            checkers = {
                name: v["after_upload"]
                for name, v in nets.items()
                if not v["attacked"] and name not in JUDGES and v["after_upload"] is not None
            }
            facenet = nets.get("facenet", {}).get("after_upload")
            if facenet is None:
                continue
            rows.append((label, b["photo"], checkers, judge["similarity"], facenet, b.get("ssim")))
    return rows


def sweep(rows, checker):
    """(line, agree, false passes, false fails, n, true passes) for every useful line of `checker`."""
    points = [(r[2][checker], r[3] < W600K_LINE and r[4] < FACENET_LINE) for r in rows if checker in r[2]]
    n = len(points)
    lines = sorted({round(s + 0.005, 3) for s, _ in points} | {0.0, 1.01})
    out = []
    for line in lines:
        false_pass = sum(1 for s, judged in points if s < line and not judged)
        false_fail = sum(1 for s, judged in points if s >= line and judged)
        true_pass = sum(1 for s, judged in points if s < line and judged)
        out.append((line, n - false_pass - false_fail, false_pass, false_fail, n, true_pass))
    return out


def main(argv):
    fixed = None
    if argv[:1] == ["--line"] and len(argv) > 1:
        fixed = float(argv[1])
        argv = argv[2:]
    if len(argv) < 2:
        sys.exit(__doc__)
    rows = joined(argv[0], argv[1:])
    labels = sorted({r[0] for r in rows})
    print(f"{len(rows)} faces scored by the judges and the checkers ({', '.join(labels)})")
    for label in labels:
        mine = [r for r in rows if r[0] == label]
        both = sum(1 for r in mine if r[3] < W600K_LINE and r[4] < FACENET_LINE)
        w = sum(1 for r in mine if r[3] < W600K_LINE)
        f = sum(1 for r in mine if r[4] < FACENET_LINE)
        print(
            f"  {label}: {len(mine)} faces; w600k_mbf below {W600K_LINE}: {w}; FaceNet below "
            f"{FACENET_LINE}: {f}; both: {both}; mean w600k {sum(r[3] for r in mine) / len(mine):.3f}, "
            f"FaceNet {sum(r[4] for r in mine) / len(mine):.3f}"
        )
    checkers = sorted({c for r in rows for c in r[2]})
    for checker in checkers:
        table = sweep(rows, checker)
        if fixed is not None:
            points = [(r[2][checker], r[3] < W600K_LINE and r[4] < FACENET_LINE) for r in rows if checker in r[2]]
            tp = sum(1 for s, j in points if s < fixed and j)
            fp = sum(1 for s, j in points if s < fixed and not j)
            ff = sum(1 for s, j in points if s >= fixed and j)
            n = len(points)
            print(
                f"\nchecker {checker} at line {fixed}: agreement {n - fp - ff}/{n} "
                f"({100 * (n - fp - ff) / n:.0f} %), true passes {tp}, false passes {fp}, false fails {ff}"
            )
        n = table[0][4]
        protected = table[-1][5]
        print(
            f"\nchecker {checker} ({n} faces, {protected} protected by the judges): line, agreement, "
            "true passes, false passes, false fails"
        )
        fewest = min(t[2] for t in table)
        best = max((t for t in table if t[2] == fewest), key=lambda t: (t[1], -t[0]))
        overall = max(table, key=lambda t: (t[1], -t[2]))
        for t in table:
            mark = " <- fewest false passes, best agreement" if t is best else ""
            mark += " <- best agreement" if t is overall else ""
            if t is best or t is overall or t[0] in (0.0, 1.01) or abs(t[1] - overall[1]) <= 2:
                print(f"  {t[0]:.3f}  {t[1]}/{n} ({100 * t[1] / n:.0f} %)  {t[5]}  {t[2]}  {t[3]}{mark}")


if __name__ == "__main__":
    main(sys.argv[1:])
