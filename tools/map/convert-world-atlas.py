#!/usr/bin/env python3
"""Converts Natural Earth's 1:50m country outlines, as shipped by the npm package
world-atlas 2.0.2 (TopoJSON), into PhotoVeil's compact map file assets/map/countries-50m.bin.

    python3 tools/map/convert-world-atlas.py [world-atlas-2.0.2.tgz]

Without an argument the package is fetched with `npm pack world-atlas@2.0.2` into a temporary
folder. The tarball's SHA-256 is checked before anything is read from it. Running the script
again gives a byte-identical file; it prints the file's size and SHA-256 for assets/map/MAP.md
and crates/photoveil-core/src/map/data.rs.

The file (all integers little-endian):
    magic  b"PVMAP1\\n\\0"                      8 bytes
    u16    number of countries
    per country:
        u8 + bytes   its name (UTF-8, as Natural Earth spells it in English)
        u8 + bytes   its ISO 3166-1 numeric code (may be empty)
        u16          number of rings (outer rings and holes; the even-odd rule tells inside)
        per ring:
            u32      number of points
            points   (i16 longitude, i16 latitude) in hundredths of a degree
"""

import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "world-atlas@2.0.2"
TARBALL_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
SOURCE = "package/countries-50m.json"
HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "..", "..", "assets", "map", "countries-50m.bin")
MAGIC = b"PVMAP1\n\0"
STEP = 100  # points per degree


def fetch_tarball(folder):
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(folder, "world-atlas-2.0.2.tgz")


def read_topology(tarball):
    data = open(tarball, "rb").read()
    actual = hashlib.sha256(data).hexdigest()
    if actual != TARBALL_SHA256:
        sys.exit(f"{tarball}: SHA-256 {actual}, expected {TARBALL_SHA256}")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        return json.load(tar.extractfile(SOURCE))


def decode_arcs(topology):
    """Absolute (lon, lat) points of each arc: undo the delta encoding and the quantisation."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, indices):
    """A ring from arc indices (~i is arc i reversed); each arc after the first repeats the
    previous arc's last point, which is dropped."""
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def quantise(points):
    """Hundredths of a degree, consecutive repeats and the closing repeat dropped."""
    out = []
    for lon, lat in points:
        q = (round(lon * STEP), round(lat * STEP))
        if not out or out[-1] != q:
            out.append(q)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def country_rings(arcs, geometry):
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    rings = []
    for polygon in polygons:
        for ring in polygon:
            points = quantise(ring_points(arcs, ring))
            if len(points) >= 3:
                rings.append(points)
    return rings


def short_text(value):
    raw = value.encode("utf-8")
    if len(raw) > 255:
        sys.exit(f"name too long: {value!r}")
    return struct.pack("<B", len(raw)) + raw


def convert(topology):
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = country_rings(arcs, geometry)
        if rings:
            countries.append((geometry["properties"]["name"], str(geometry.get("id", "")), rings))
    countries.sort(key=lambda c: (c[0], c[1]))
    out = bytearray(MAGIC)
    out += struct.pack("<H", len(countries))
    points = 0
    for name, code, rings in countries:
        out += short_text(name) + short_text(code)
        out += struct.pack("<H", len(rings))
        for ring in rings:
            out += struct.pack("<I", len(ring))
            for lon, lat in ring:
                out += struct.pack("<hh", lon, lat)
            points += len(ring)
    return bytes(out), len(countries), points


def main():
    with tempfile.TemporaryDirectory() as folder:
        tarball = sys.argv[1] if len(sys.argv) > 1 else fetch_tarball(folder)
        topology = read_topology(tarball)
    data, countries, points = convert(topology)
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "wb") as f:
        f.write(data)
    print(f"{os.path.relpath(OUTPUT)}: {countries} countries, {points} points, "
          f"{len(data)} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
