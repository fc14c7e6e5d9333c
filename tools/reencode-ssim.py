#!/usr/bin/env python3
"""How much of a protected copy's face SSIM is the JPEG encoding's, and how much the cloak's.

For each JPEG face the bench recorded (`BENCH_JSONL` records of `bench_protect`: photo and box),
re-encodes the original with the protected copy's own quantisation tables and chroma
subsampling (what writing the copy would cost with no cloak at all), and prints three face SSIMs:
the copy against the original (what the bench reports), the re-encoded original against the
original (the encoding alone), and the copy against the re-encoded original (about the cloak
alone). Each is given twice: in the program's own flavour (`image-compare`'s 8x8 windows, whose
variances are sums over the window rather than means, which makes flat skin very sensitive to
small noise) and as the usual SSIM (Gaussian window, sigma 1.5). The last lines give medians.

Usage: tools/reencode-ssim.py BENCH.jsonl ORIGINALS_DIR COPIES_DIR
Set-up: `pip install opencv-python-headless numpy pillow`.
"""

import io
import json
import statistics
import sys
from pathlib import Path

import numpy as np
from PIL import Image, JpegImagePlugin

from face_ssim import gaussian_ssim, program_ssim


def luma(picture):
    """BT.601 luma of an RGB array, rounded as the program rounds it."""
    r, g, b = [picture[..., i].astype(np.float64) for i in range(3)]
    return np.round(0.299 * r + 0.587 * g + 0.114 * b)


def reencoded(original, copy):
    """`original` written with the quantisation tables and subsampling of the JPEG `copy`."""
    out = io.BytesIO()
    original.save(out, "JPEG", qtables=copy.quantization,
                  subsampling=JpegImagePlugin.get_sampling(copy))
    return Image.open(out).convert("RGB")


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    jsonl, originals, copies = argv[0], Path(argv[1]), Path(argv[2])
    rows = []
    with open(jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    for r in records:
        photo = r["photo"]
        if not photo.lower().endswith((".jpg", ".jpeg")):
            continue
        try:
            original = Image.open(originals / photo).convert("RGB")
            copy = Image.open(copies / photo)
        except OSError as e:
            sys.exit(f"{photo}: {e}")
        x, y, w, h = [int(v) for v in r["box"]]
        crop = lambda p: luma(np.asarray(p))[max(0, y):y + h, max(0, x):x + w]
        o, c, e = crop(original), crop(copy.convert("RGB")), crop(reencoded(original, copy))
        row = [f(p, q) for p, q in ((o, c), (o, e), (e, c)) for f in (program_ssim, gaussian_ssim)]
        rows.append(row)
        print(f"{photo} face {r.get('face', 0)}: copy {row[0]:.3f} ({row[1]:.3f}), "
              f"encoding alone {row[2]:.3f} ({row[3]:.3f}), cloak alone {row[4]:.3f} ({row[5]:.3f})")
    if not rows:
        sys.exit("no JPEG face in the records")
    med = [statistics.median(col) for col in zip(*rows)]
    print(f"medians over {len(rows)} faces, program's SSIM (usual SSIM): copy {med[0]:.3f} ({med[1]:.3f}), "
          f"encoding alone {med[2]:.3f} ({med[3]:.3f}), cloak alone {med[4]:.3f} ({med[5]:.3f})")


if __name__ == "__main__":
    main(sys.argv[1:])
