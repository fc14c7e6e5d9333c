#!/usr/bin/env python3
"""Side-by-side cleaning of a folder of third-party images (issue 23), judged by exiftool.

Usage:
  tools/corpus/compare.py CORPUS_DIR [--photoveil target/release/photoveil]
      [--exiftool "perl /tmp/exiftool-src/exiftool"] [--with-exiftool] [--with-mat2]
      [--json OUT.json]

For every file under CORPUS_DIR (recursively) it runs `photoveil clean --json` into a temporary
output folder (one folder per source subfolder, so names never collide), then runs
`exiftool -j -n -G1 -a -u` on each original and each cleaned copy and reports per file:

- cleaned, or refused with PhotoVeil's reason;
- private tags left in the copy: GPS, serial numbers and unique IDs, owner/artist/author/creator/
  copyright, dates, names, comments and descriptions (maker-note serials included: any group),
  and the same inside embedded thumbnails and previews (extracted with exiftool -b and read
  again);
- leaked strings: the original's serial/owner/artist/copyright values (text, and 32-bit integers
  in both byte orders for numeric serials) found as bytes anywhere in the copy;
- displayed pixels: decoded from both with Pillow (+ pillow-heif, pillow-jxl-plugin) and compared
  exactly; camera RAW with rawpy (LibRaw) comparing the raw sensor samples; "n/a" when the
  decoder cannot read the original;
- orientation kept (IFD0/XMP Orientation, HEIF rotation) and ICC profile kept (same ICC tags).

--with-exiftool also runs exiftool's own cleaning (`-all= -tagsfromfile @ -orientation
-icc_profile`) and --with-mat2 runs mat2 (on a copy of each file: it writes beside its input),
and judges their copies the same way. Decoders come from a virtual environment:
  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pillow pillow-heif pillow-jxl-plugin rawpy numpy
and the script is run with /tmp/venv/bin/python. Third-party files stay outside the repository.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SKIP_GROUPS = {"System", "ExifTool", "Composite", "File"}
PERSON = {
    "artist", "author", "creator", "by-line", "copyright", "copyrightnotice", "rights",
    "ownername", "cameraownername", "xpauthor", "credit", "writer-editor", "captionwriter",
    "personinimage", "contact", "creatorcontactinfo", "copyrightowner", "owner",
}
TEXT = {
    "comment", "usercomment", "xpcomment", "imagedescription", "caption-abstract", "description",
    "title", "keywords", "subject", "headline", "instructions", "xptitle", "xpsubject",
    "xpkeywords", "documentname", "hostcomputer", "regionname", "locationname", "city",
    "country", "sub-location", "province-state", "state", "imageuniqueid", "uniquecameramodel_",
}
PREVIEWS = ["ThumbnailImage", "PreviewImage", "JpgFromRaw", "OtherImage", "PreviewTIFF"]
SERIAL_RE = re.compile(r"serial|uniqueid|bodyid|internalserial", re.I)
IDENTITY_RE = re.compile(r"serial|owner|artist|author|creator|copyright|by-line", re.I)


def blank(value):
    """Whether a value carries nothing (empty, zero, a zeroed date)."""
    if isinstance(value, (int, float)):
        return value == 0
    if isinstance(value, list):
        return all(blank(v) for v in value)
    if not isinstance(value, str):
        return False
    text = value.strip().strip("\x00")
    return text == "" or set(text) <= set("0: .-") or text.startswith("(Binary data 0 ")


def private_kind(key, value):
    """The kind of private data an exiftool `Group:Tag` holds, or None."""
    if ":" not in key or blank(value):
        return None
    group, tag = key.split(":", 1)
    low = tag.lower()
    if group.startswith("ICC") or (group in SKIP_GROUPS and low != "comment"):
        return None
    if (group.startswith("GPS") or low.startswith("gps")) and low != "gpsversionid":
        return "gps"
    if SERIAL_RE.search(tag) and not low.endswith("format"):
        return "serial"
    if low in PERSON or "owner" in low:
        return "person"
    if ("date" in low and "update" not in low) or low.startswith("subsectime") or low in (
        "timecreated", "digitalcreationtime", "timestamp",
    ):
        return "date"
    if low in TEXT:
        return "text"
    return None


def exiftool_json(exiftool, paths):
    """exiftool -j -n -G1 -a -u of many files, keyed by path."""
    out = {}
    for i in range(0, len(paths), 200):
        chunk = [str(p) for p in paths[i:i + 200]]
        r = subprocess.run(exiftool + ["-j", "-n", "-G1", "-a", "-u", "-q", "-q"] + chunk,
                           capture_output=True, text=True)
        try:
            for item in json.loads(r.stdout or "[]"):
                out[item["SourceFile"]] = item
        except json.JSONDecodeError:
            pass
    return out


def private_tags(meta):
    return sorted(f"{k}={str(v)[:40]}" for k, v in meta.items() if private_kind(k, v))


def preview_private(exiftool, path, meta):
    """Private tags inside the embedded previews and thumbnails of a file."""
    found = []
    for name in PREVIEWS:
        if not any(k.endswith(":" + name) for k in meta):
            continue
        r = subprocess.run(exiftool + ["-b", "-" + name, str(path)], capture_output=True)
        if len(r.stdout) < 16:
            continue
        with tempfile.NamedTemporaryFile(suffix=".bin") as t:
            t.write(r.stdout)
            t.flush()
            inner = exiftool_json(exiftool, [t.name]).get(t.name, {})
        found += [f"{name}/{p}" for p in private_tags(inner)]
    return found


def identity_needles(meta):
    """Byte strings of the original's serial and owner values, to look for in the copy."""
    needles = set()
    for key, value in meta.items():
        if ":" not in key or key.split(":", 1)[0] in SKIP_GROUPS or key.startswith("ICC"):
            continue
        tag = key.split(":", 1)[1]
        if not IDENTITY_RE.search(tag) or tag.lower().endswith("format") or blank(value):
            continue
        values = value if isinstance(value, list) else [value]
        for v in values:
            text = str(v).strip()
            if isinstance(v, int) or text.isdigit():
                n = int(text)
                if n >= 100000:
                    needles.add(n.to_bytes(4, "little") if n < 2**32 else b"")
                    needles.add(n.to_bytes(4, "big") if n < 2**32 else b"")
                if len(text) >= 6:
                    needles.add(text.encode())
            elif len(text) >= 4 and not set(text) <= set("0 "):
                needles.add(text.encode("utf-8", "replace"))
    needles.discard(b"")
    return needles


def orientation(meta):
    """How the picture is shown: HEIF and AVIF by their irot/imir boxes (viewers ignore EXIF
    there), other formats by EXIF (or XMP) Orientation."""
    if meta.get("File:FileType") in ("HEIC", "HEIF", "AVIF"):
        return (meta.get("QuickTime:Rotation", 0), meta.get("QuickTime:Mirroring"))
    for key in ("IFD0:Orientation", "XMP-tiff:Orientation"):
        if key in meta:
            return meta[key]
    return 1


def icc(meta):
    return {k: v for k, v in meta.items() if k.startswith("ICC")}


def pixels(path, kind):
    """Decoded pixels of a file (no orientation applied) as bytes, or None if not decodable."""
    try:
        if kind == "raw":
            import rawpy
            with rawpy.imread(str(path)) as raw:
                return raw.raw_image_visible.tobytes()
        from PIL import Image, ImageSequence
        try:
            import pillow_heif
            pillow_heif.register_heif_opener()
        except ImportError:
            pass
        try:
            import pillow_jxl  # noqa: F401
        except ImportError:
            pass
        with Image.open(path) as im:
            frames = [f.copy() for f in ImageSequence.Iterator(im)][:64]
            return b"".join(f.mode.encode() + f.tobytes() for f in frames)
    except Exception:  # any decoder failure means "cannot compare", never a crash
        return None


RAW_TYPES = {"CR2", "CR3", "CRW", "NEF", "NRW", "ARW", "RW2", "ORF", "PEF", "RAF", "MRW", "DNG",
             "X3F", "IIQ", "RAW", "SRW", "ERF"}


def judge(exiftool, original, copy, before, after, decoded):
    """The columns for one cleaned copy."""
    data = copy.read_bytes()
    leaks = sorted(n.decode("utf-8", "replace") if n.isascii() else n.hex()
                   for n in identity_needles(before) if n in data)
    left = private_tags(after) + preview_private(exiftool, copy, after)
    kind = "raw" if before.get("File:FileType", "") in RAW_TYPES else "image"
    if original not in decoded:
        a = pixels(original, kind)
        # LibRaw hands back whatever its buffer held for a RAW file whose sensor data was cut
        # out (exiftool's samples are): a RAW is judged only if it decodes the same twice.
        if kind == "raw" and a is not None and pixels(original, kind) != a:
            a = None
        decoded[original] = a
    a = decoded[original]
    b = pixels(copy, kind)
    same = "n/a" if a is None else ("yes" if a == b else "NO")
    return {
        "private_left": left,
        "leaked": leaks,
        "pixels": same,
        "orientation_kept": orientation(before) == orientation(after),
        "icc_kept": icc(before) == icc(after),
    }


def run_photoveil(photoveil, files, out_root):
    """Cleans files folder by folder; returns {path: json line} and seconds taken."""
    by_dir = {}
    for f in files:
        by_dir.setdefault(f.parent, []).append(f)
    results, seconds = {}, 0.0
    for i, (folder, group) in enumerate(sorted(by_dir.items())):
        out = out_root / f"d{i}"
        out.mkdir(parents=True)
        start = time.monotonic()
        r = subprocess.run([photoveil, "clean", "--out", str(out), "--json"]
                           + [str(f) for f in group], capture_output=True, text=True)
        seconds += time.monotonic() - start
        for line in r.stdout.splitlines():
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "input" in item:
                results[Path(item["input"])] = item
    return results, seconds


def run_exiftool_clean(exiftool, files, out_root):
    results, seconds = {}, 0.0
    for i, f in enumerate(files):
        out = out_root / f"{i}-{f.name}"
        start = time.monotonic()
        r = subprocess.run(exiftool + ["-q", "-all=", "-tagsfromfile", "@", "-orientation",
                                       "-icc_profile", "-o", str(out), str(f)],
                           capture_output=True, text=True)
        seconds += time.monotonic() - start
        results[f] = {"output": str(out) if out.exists() else None,
                      "error": None if out.exists() else (r.stderr.strip() or "not written")}
    return results, seconds


def run_mat2(files, out_root):
    """mat2 on a copy of each file (it writes NAME.cleaned.EXT beside its input)."""
    import shutil
    results, seconds = {}, 0.0
    for i, f in enumerate(files):
        work = out_root / str(i)
        work.mkdir(parents=True)
        src = work / f.name
        shutil.copyfile(f, src)
        start = time.monotonic()
        r = subprocess.run(["mat2", str(src)], capture_output=True, text=True)
        seconds += time.monotonic() - start
        out = [p for p in work.iterdir() if ".cleaned." in p.name]
        results[f] = {"output": str(out[0]) if out else None,
                      "error": None if out else (r.stdout + r.stderr).strip()[:160] or "not written"}
    return results, seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--photoveil", default="target/release/photoveil")
    ap.add_argument("--exiftool", default="exiftool")
    ap.add_argument("--with-exiftool", action="store_true")
    ap.add_argument("--with-mat2", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    exiftool = shlex.split(args.exiftool)
    files = sorted(p for p in Path(args.corpus).rglob("*") if p.is_file())
    tmp = Path(tempfile.mkdtemp(prefix="compare-"))
    tools = {"photoveil": run_photoveil(args.photoveil, files, tmp / "photoveil")}
    if args.with_exiftool:
        (tmp / "exiftool").mkdir()
        tools["exiftool"] = run_exiftool_clean(exiftool, files, tmp / "exiftool")
    if args.with_mat2:
        tools["mat2"] = run_mat2(files, tmp / "mat2")
    before = exiftool_json(exiftool, files)
    decoded = {}
    report = {}
    for tool, (results, seconds) in tools.items():
        outs = [Path(r["output"]) for r in results.values() if r.get("output")]
        after = exiftool_json(exiftool, outs)
        rows = {}
        for f in files:
            r = results.get(f, {"error": "no answer"})
            meta = before.get(str(f), {})
            row = {"type": meta.get("File:FileType", "?"), "cleaned": bool(r.get("output"))}
            if row["cleaned"]:
                out = Path(r["output"])
                row.update(judge(exiftool, f, out, meta, after.get(str(out), {}), decoded))
                row["method"] = r.get("method")
            else:
                row["reason"] = str(r.get("error"))[:160]
            rows[str(f)] = row
        report[tool] = {"seconds": round(seconds, 2), "files": rows}
    print_report(report, len(files))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))


def print_report(report, total):
    for tool, rep in report.items():
        print(f"\n== {tool} ==")
        for path, row in rep["files"].items():
            if not row["cleaned"]:
                print(f"REFUSED  {row['type']:5} {path}: {row['reason']}")
                continue
            notes = []
            if row["private_left"]:
                notes.append("private left: " + ", ".join(row["private_left"][:6]))
            if row["leaked"]:
                notes.append("leaked: " + ", ".join(row["leaked"][:4]))
            if row["pixels"] != "yes":
                notes.append(f"pixels {row['pixels']}")
            if not row["orientation_kept"]:
                notes.append("orientation lost")
            if not row["icc_kept"]:
                notes.append("ICC lost")
            print(f"{'ok' if not notes else 'CHECK':8} {row['type']:5} {path}"
                  + (": " + "; ".join(notes) if notes else ""))
    print("\n| tool | cleaned | private data left | leaked serial/owner | pixels identical "
          "(of decodable) | pixels n/a | orientation kept | ICC kept | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    for tool, rep in report.items():
        rows = [r for r in rep["files"].values() if r["cleaned"]]
        decodable = [r for r in rows if r["pixels"] != "n/a"]
        print(f"| {tool} | {len(rows)}/{total} | {sum(bool(r['private_left']) for r in rows)} | "
              f"{sum(bool(r['leaked']) for r in rows)} | "
              f"{sum(r['pixels'] == 'yes' for r in decodable)}/{len(decodable)} | "
              f"{len(rows) - len(decodable)} | "
              f"{sum(r['orientation_kept'] for r in rows)}/{len(rows)} | "
              f"{sum(r['icc_kept'] for r in rows)}/{len(rows)} | {rep['seconds']} |")


if __name__ == "__main__":
    sys.exit(main())
