"""Reads the TF.js weights of @vladmandic/face-api's face recognition net (dlib ResNet-29).

The manifest lists tensors in order; each is stored as float32 or as uint8 with an affine
dequantisation (value = q * scale + min). Returns {name: float32 numpy array} in TF layout
(conv filters HWIO).
"""
import json
import os

import numpy as np


def load(model_dir, stem="face_recognition_model"):
    manifest = json.load(open(os.path.join(model_dir, f"{stem}-weights_manifest.json")))
    out = {}
    for group in manifest:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        at = 0
        for w in group["weights"]:
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            q = w.get("quantization")
            if q:
                dtype = {"uint8": np.uint8, "uint16": np.uint16, "float16": np.float16}[q["dtype"]]
                raw = np.frombuffer(blob, dtype=dtype, count=count, offset=at)
                at += raw.nbytes
                if q["dtype"] == "float16":
                    values = raw.astype(np.float32)
                else:
                    values = raw.astype(np.float64) * q["scale"] + q["min"]
            else:
                raw = np.frombuffer(blob, dtype=np.float32, count=count, offset=at)
                at += raw.nbytes
                values = raw
            out[w["name"]] = np.asarray(values, dtype=np.float32).reshape(w["shape"])
        assert at == len(blob), f"{at} bytes read of {len(blob)}"
    return out
