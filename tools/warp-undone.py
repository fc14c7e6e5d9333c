#!/usr/bin/env python3
"""How much of a protected face's change is texture, once any small shift of its features is undone.

SSIM and pixel colour differences punish a feature moved by a pixel or two, which nobody sees,
as hard as a visible blotch. This script estimates the dense motion between each original face
and its protected copy (OpenCV's DIS optical flow on the face box enlarged by a margin), moves
the protected face back along it, and measures what is left. For a change that is pure texture,
the flow is near zero and both figures agree; for a warped face, "after undoing" is the texture
the warp leaves.

Prints, per face and as medians: face SSIM (luma, Gaussian window, on the bench's box) as is and
after undoing the motion, and the 99th percentile of the motion in pixels and in box widths.

Usage: tools/warp-undone.py BENCH.jsonl ORIGINALS_DIR PROTECTED_DIR
(the JSONL is what `bench_protect` writes with BENCH_JSONL; the photos are matched by name).
Set-up: `pip install opencv-python-headless numpy`.
"""

import json
import statistics
import sys
from pathlib import Path

import cv2
import numpy as np

from face_ssim import gaussian_ssim as ssim

MARGIN = 0.3


def grey(picture):
    return cv2.cvtColor(picture, cv2.COLOR_BGR2GRAY)


def measure(clean, protected, box):
    """(SSIM as is, SSIM after undoing the motion, motion p99 in px) for one face box."""
    x, y, w, h = box
    m = MARGIN * max(w, h)
    x0, y0 = max(0, int(x - m)), max(0, int(y - m))
    x1, y1 = min(clean.shape[1], int(x + w + m)), min(clean.shape[0], int(y + h + m))
    a, b = grey(clean[y0:y1, x0:x1]), grey(protected[y0:y1, x0:x1])
    dis = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM)
    flow = dis.calc(a, b, None)
    gy, gx = np.mgrid[0 : a.shape[0], 0 : a.shape[1]].astype(np.float32)
    undone = cv2.remap(b, gx + flow[..., 0], gy + flow[..., 1], cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    # The bench's box inside the enlarged crop.
    bx0, by0 = int(x) - x0, int(y) - y0
    bx1, by1 = bx0 + int(w), by0 + int(h)
    crop = lambda img: img[by0:by1, bx0:bx1].astype(np.float64)
    motion = np.hypot(flow[by0:by1, bx0:bx1, 0], flow[by0:by1, bx0:bx1, 1])
    return ssim(crop(a), crop(b)), ssim(crop(a), crop(undone)), float(np.percentile(motion, 99))


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    jsonl, originals, protected = argv[0], Path(argv[1]), Path(argv[2])
    rows = []
    seen = set()
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            key = (r["photo"], tuple(round(v) for v in r["box"]))
            copy = protected / r["photo"]
            if key in seen or not copy.exists() or not (originals / r["photo"]).exists():
                continue
            seen.add(key)
            clean = cv2.imread(str(originals / r["photo"]), cv2.IMREAD_COLOR)
            changed = cv2.imread(str(copy), cv2.IMREAD_COLOR)
            plain, undone, motion = measure(clean, changed, r["box"])
            rows.append((plain, undone, motion, motion / max(r["box"][2], 1)))
            print(f"{r['photo']:<22} box {[round(v) for v in r['box']]}: SSIM {plain:.3f}, after undoing the motion {undone:.3f}, motion p99 {motion:.2f} px")
    if not rows:
        sys.exit("no faces matched")
    med = lambda i: statistics.median(r[i] for r in rows)
    print(f"{len(rows)} faces: median face SSIM {med(0):.3f}, after undoing the motion {med(1):.3f}; "
          f"median motion p99 {med(2):.2f} px ({100 * med(3):.1f} % of the box width)")


if __name__ == "__main__":
    main(sys.argv[1:])
