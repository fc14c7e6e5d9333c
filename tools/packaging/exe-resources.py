#!/usr/bin/env python3
"""Checks that a built photoveil.exe carries the program's icon and version details.

Usage: tools/packaging/exe-resources.py photoveil.exe packaging/windows/photoveil.ico VERSION

Every image of the .ico file must be inside the program byte for byte (Windows resources keep
them unchanged: Explorer, the taskbar and the Start menu show them), and the version details
must name the program and this version (Windows shows them in the file's Properties).
"""

import struct
import sys


def icon_images(ico: bytes) -> list[bytes]:
    """The images of an .ico file (ICONDIR, then one ICONDIRENTRY per image)."""
    reserved, kind, count = struct.unpack_from("<HHH", ico, 0)
    if reserved != 0 or kind != 1 or count == 0:
        raise ValueError("not an icon file")
    images = []
    for i in range(count):
        size, offset = struct.unpack_from("<II", ico, 6 + 16 * i + 8)
        images.append(ico[offset : offset + size])
    return images


def main() -> int:
    exe_path, ico_path, version = sys.argv[1:4]
    exe = open(exe_path, "rb").read()
    images = icon_images(open(ico_path, "rb").read())
    missing = [i for i, image in enumerate(images) if image not in exe]
    text = exe.decode("utf-16-le", "ignore") + exe[1:].decode("utf-16-le", "ignore")
    wanted = ["VS_VERSION_INFO", "FileVersion", version, "photoveil.exe", "PhotoVeil"]
    absent = [w for w in wanted if w not in text]
    print(f"icon: {len(images) - len(missing)} of {len(images)} images inside; version details: "
          + ("all present" if not absent else "missing " + ", ".join(absent)))
    return 1 if missing or absent else 0


if __name__ == "__main__":
    sys.exit(main())
