"""Converts face-api's TF.js face recognition weights to safetensors for PhotoVeil.

The weights are stored exactly as published: uint8 tensors with their per-tensor `scale` and `min`
(value = q * scale + min), float32 tensors as float32. Conv filters are transposed from TF's HWIO
to OIHW (`[out, in, kh, kw]`); `fc` stays `[in, out]`. Tensor names are face-api's with `/`
replaced by `.`; a quantised tensor NAME is stored as `NAME.q` (u8) with `NAME.scale` and
`NAME.min` (f32 scalars, exact values as float32).

Usage: convert_faceapi.py FACEAPI_MODEL_DIR OUT.safetensors
"""
import json
import os
import sys

import numpy as np
from safetensors.numpy import save_file


def main():
    model_dir, out = sys.argv[1:3]
    manifest = json.load(open(os.path.join(model_dir, "face_recognition_model-weights_manifest.json")))
    tensors = {}
    for group in manifest:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        at = 0
        for w in group["weights"]:
            shape = w["shape"]
            count = int(np.prod(shape))
            name = w["name"].replace("/", ".")
            q = w.get("quantization")
            dtype = np.uint8 if q else np.float32
            assert not q or q["dtype"] == "uint8", q
            raw = np.frombuffer(blob, dtype=dtype, count=count, offset=at).reshape(shape)
            at += raw.nbytes
            if len(shape) == 4:
                raw = raw.transpose(3, 2, 0, 1)
            raw = np.ascontiguousarray(raw)
            if q:
                tensors[name + ".q"] = raw
                tensors[name + ".scale"] = np.array(q["scale"], dtype=np.float32)
                tensors[name + ".min"] = np.array(q["min"], dtype=np.float32)
            else:
                tensors[name] = raw
        assert at == len(blob)
    save_file(tensors, out, metadata={"source": "npm @vladmandic/face-api 1.7.15 model/face_recognition_model"})
    print(f"{out}: {len(tensors)} tensors")


if __name__ == "__main__":
    main()
