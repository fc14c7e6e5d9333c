#!/usr/bin/env python3
"""Finds import circles between the top-level modules of a Rust crate (issue 26's check).

Reads every `.rs` file under SRC (default: the core's `crates/photoveil-core/src`), takes the
paths each names as `crate::<module>` in code (comments and doc comments are skipped, so a doc
link is not a dependency), and prints each group of modules that reach each other, or "no
import circle". Exit status 1 when there is a circle.

    python3 tools/module-cycles.py [SRC] [--edges]
"""
import os
import re
import sys


def module_of(root, path):
    rel = os.path.relpath(path, root).split(os.sep)
    return rel[0][:-3] if rel[0].endswith(".rs") else rel[0]


def code_lines(text):
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        yield line.split("//")[0]


def edges_of(root):
    modules = {module_of(root, os.path.join(root, m)) for m in os.listdir(root)} - {"lib", "main"}
    edges = {m: set() for m in modules}
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(folder, name)
            here = module_of(root, path)
            if here not in edges:
                continue
            code = "\n".join(code_lines(open(path, encoding="utf-8").read()))
            named = set(re.findall(r"crate::(\w+)", code))
            for group in re.findall(r"crate::\{([^}]*)\}", code, re.S):
                named |= set(re.findall(r"(?:^|[,{\s])(\w+)", group))
            edges[here] |= {m for m in named if m in modules and m != here}
    return edges


def circles(edges):
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "crates", "photoveil-core", "src")
    edges = edges_of(root)
    if "--edges" in sys.argv:
        for m in sorted(edges):
            print(f"{m} -> {', '.join(sorted(edges[m])) or '-'}")
    found = circles(edges)
    for group in found:
        print("import circle:", " <-> ".join(group))
    if not found:
        print(f"no import circle between the {len(edges)} modules of {os.path.normpath(root)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
