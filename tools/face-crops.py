#!/usr/bin/env python3
"""Before/after crops of protected faces, for a person to judge how visible the change is.

For each face of one photo (boxes from the `BENCH_JSONL` records `bench_protect` writes), writes
one PNG: the first row shows the face at 100 % (the box plus a small margin), the original first,
then each protected copy; the second row shows the middle of the face (eyes, nose and mouth) at
300 %, each pixel drawn as a 3x3 block (nearest neighbour, so the change is seen as it is).

Usage: tools/face-crops.py [--close N] [--webp] OUT_DIR BENCH.jsonl ORIGINAL LABEL=PROTECTED [LABEL=PROTECTED ...]
`--close N`: the 300 % row shows a band N photo pixels wide and 0.6 N high across the eyes
(centred on the bridge of the nose) instead of the middle half of the face, which keeps sheets of large faces small enough to
commit. `--webp`: write lossless WebP (about a third smaller than PNG) instead of PNG.
Set-up: `pip install opencv-python-headless numpy`.
"""

import json
import sys
from pathlib import Path

import cv2
import numpy as np

MARGIN = 0.15
GAP = 6


def boxes_for(jsonl, photo):
    """The distinct face boxes the bench recorded for `photo`, largest first."""
    seen = []
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["photo"] == photo and all(abs(r["box"][0] - b[0]) > 2 or abs(r["box"][1] - b[1]) > 2 for b in seen):
                seen.append(r["box"])
    return sorted(seen, key=lambda b: -b[2] * b[3])


def labelled(tile, text):
    """`tile` with `text` written in a band above it."""
    band = np.full((22, tile.shape[1], 3), 255, np.uint8)
    cv2.putText(band, text, (3, 16), cv2.FONT_HERSHEY_SIMPLEX, 0.45, (0, 0, 0), 1, cv2.LINE_AA)
    return np.vstack([band, tile])


def row(tiles):
    """Tiles side by side with white gaps, bottoms padded to the tallest."""
    h = max(t.shape[0] for t in tiles)
    padded = []
    for t in tiles:
        t = np.vstack([t, np.full((h - t.shape[0], t.shape[1], 3), 255, np.uint8)])
        padded.extend([t, np.full((h, GAP, 3), 255, np.uint8)])
    return np.hstack(padded[:-1])


def close_window(x, y, w, h, size):
    """The part of the face drawn at 300 %: the middle half of the box (eyes to mouth), or a
    band `size` photo pixels wide and 0.6 `size` high across the eyes when `size` is given."""
    if size is None:
        return int(x + w * 0.25), int(y + h * 0.25), int(x + w * 0.75), int(y + h * 0.8)
    cx, cy = x + w * 0.5, y + h * 0.22
    return int(cx - size / 2), int(cy - size * 0.3), int(cx + size / 2), int(cy + size * 0.3)


def main(argv):
    close_size, webp = None, False
    while argv and argv[0].startswith("--"):
        if argv[0] == "--close" and len(argv) > 1:
            close_size, argv = int(argv[1]), argv[2:]
        elif argv[0] == "--webp":
            webp, argv = True, argv[1:]
        else:
            sys.exit(__doc__)
    if len(argv) < 4:
        sys.exit(__doc__)
    out, jsonl, original = Path(argv[0]), argv[1], Path(argv[2])
    copies = [a.split("=", 1) for a in argv[3:]]
    clean = cv2.imread(str(original), cv2.IMREAD_COLOR)
    pictures = [(label, cv2.imread(path, cv2.IMREAD_COLOR)) for label, path in copies]
    out.mkdir(parents=True, exist_ok=True)
    for n, (x, y, w, h) in enumerate(boxes_for(jsonl, original.name), start=1):
        m = MARGIN * max(w, h)
        x0, y0 = max(0, int(x - m)), max(0, int(y - m))
        x1, y1 = min(clean.shape[1], int(x + w + m)), min(clean.shape[0], int(y + h + m))
        cx0, cy0, cx1, cy1 = close_window(x, y, w, h, close_size)
        cx0, cy0 = max(0, cx0), max(0, cy0)
        whole, close = [], []
        for label, pic in [("original", clean)] + pictures:
            whole.append(labelled(pic[y0:y1, x0:x1], f"{label} 100 %"))
            zoom = cv2.resize(pic[cy0:cy1, cx0:cx1], None, fx=3, fy=3, interpolation=cv2.INTER_NEAREST)
            close.append(labelled(zoom, f"{label} 300 %"))
        top, bottom = row(whole), row(close)
        width = max(top.shape[1], bottom.shape[1])
        pad = lambda a: np.hstack([a, np.full((a.shape[0], width - a.shape[1], 3), 255, np.uint8)])
        sheet = np.vstack([pad(top), np.full((GAP, width, 3), 255, np.uint8), pad(bottom)])
        if webp:
            path = out / f"{original.stem}-face{n}.webp"
            cv2.imwrite(str(path), sheet, [cv2.IMWRITE_WEBP_QUALITY, 101])
        else:
            path = out / f"{original.stem}-face{n}.png"
            cv2.imwrite(str(path), sheet, [cv2.IMWRITE_PNG_COMPRESSION, 9])
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
