#!/usr/bin/env python3
"""How sharp the borders of a protected copy's change are, face by face.

For each face the bench recorded (`BENCH_JSONL` records of `bench_protect`: photo and box),
takes the change of brightness in the face box (protected copy minus original, BT.601 luma),
its gradient (Sobel, per pixel) and prints the mean and the 99th percentile of that gradient's
size. Flat patches with hard borders give a high 99th percentile; soft shading a low one. The
last line gives the medians over all faces.

Usage: tools/change-edges.py BENCH.jsonl ORIGINALS_DIR COPIES_DIR
Set-up: `pip install opencv-python-headless numpy`.
"""

import functools
import json
import sys
from pathlib import Path

import cv2
import numpy as np


@functools.lru_cache(maxsize=4)
def luma(path):
    """The picture's luma as float (0-255); a photo with several faces is read once."""
    picture = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if picture is None:
        sys.exit(f"{path}: cannot be read as a picture")
    b, g, r = [picture[..., i].astype(np.float64) for i in range(3)]
    return 0.299 * r + 0.587 * g + 0.114 * b


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    jsonl, originals, copies = argv[0], Path(argv[1]), Path(argv[2])
    means, tops = [], []
    with open(jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for r in records:
        photo = r["photo"]
        x, y, w, h = [int(v) for v in r["box"]]
        change = (luma(copies / photo) - luma(originals / photo))[max(0, y) : y + h, max(0, x) : x + w]
        # Sobel's kernel weighs a unit step 8 times over its two rows; divide to get levels per pixel.
        gx = cv2.Sobel(change, cv2.CV_64F, 1, 0, ksize=3) / 8
        gy = cv2.Sobel(change, cv2.CV_64F, 0, 1, ksize=3) / 8
        size = np.hypot(gx, gy)
        means.append(size.mean())
        tops.append(np.percentile(size, 99))
        print(f"{photo} face {r.get('face', 0)}: mean {means[-1]:.2f}, p99 {tops[-1]:.2f}")
    if means:
        print(f"median over {len(means)} faces: mean {np.median(means):.2f}, p99 {np.median(tops):.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
