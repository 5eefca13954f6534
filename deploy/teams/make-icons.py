#!/usr/bin/env python3
"""Draws the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

Run from anywhere: `python3 deploy/teams/make-icons.py`. It rewrites both files beside this script, byte for byte the
same on every run with the same zlib. The mark is a white medical cross; color.png puts it on a rounded square in the
manifest's accentColor, outline.png is the same cross in white on a transparent background (what Teams asks of an
outline icon).
"""

import os
import struct
import zlib

# Keep in step with "accentColor" in manifest.template.json.
ACCENT = (0x0F, 0x6E, 0x8C)
WHITE = (0xFF, 0xFF, 0xFF)
SUPERSAMPLES = 4  # per axis: 16 samples a pixel smooth the edges


def rounded_box(px, py, cx, cy, half_w, half_h, radius):
    """Signed distance from (px, py) to a rounded rectangle: negative inside."""
    qx = abs(px - cx) - (half_w - radius)
    qy = abs(py - cy) - (half_h - radius)
    outside = (max(qx, 0.0) ** 2 + max(qy, 0.0) ** 2) ** 0.5
    inside = min(max(qx, qy), 0.0)
    return outside + inside - radius


def in_cross(px, py, centre, arm_half_width, arm_half_length, radius):
    return (rounded_box(px, py, centre, centre, arm_half_width, arm_half_length, radius) <= 0
            or rounded_box(px, py, centre, centre, arm_half_length, arm_half_width, radius) <= 0)


def render(size, shade):
    """Rows of RGBA bytes; shade(x, y) returns (r, g, b, a) with a in 0..1 for one sample point."""
    rows = []
    n = SUPERSAMPLES
    for y in range(size):
        row = bytearray()
        for x in range(size):
            r = g = b = a = 0.0
            for sy in range(n):
                for sx in range(n):
                    cr, cg, cb, ca = shade(x + (sx + 0.5) / n, y + (sy + 0.5) / n)
                    r, g, b, a = r + cr * ca, g + cg * ca, b + cb * ca, a + ca
            if a == 0:
                row += bytes(4)
            else:
                # Un-premultiply the average so edge pixels keep the true colour.
                row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / (n * n))))
        rows.append(bytes(row))
    return rows


def color_icon(size=192):
    centre = size / 2

    def shade(px, py):
        if in_cross(px, py, centre, arm_half_width=17, arm_half_length=52, radius=6):
            return (*WHITE, 1.0)
        if rounded_box(px, py, centre, centre, centre, centre, radius=40) <= 0:
            return (*ACCENT, 1.0)
        return (0, 0, 0, 0.0)

    return render(size, shade)


def outline_icon(size=32):
    centre = size / 2

    def shade(px, py):
        if in_cross(px, py, centre, arm_half_width=4.5, arm_half_length=13, radius=1.5):
            return (*WHITE, 1.0)
        return (0, 0, 0, 0.0)

    return render(size, shade)


def png(rows):
    """An 8-bit RGBA PNG (colour type 6), no interlace, filter 0 on every row."""
    height, width = len(rows), len(rows[0]) // 4

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, rows in (("color.png", color_icon()), ("outline.png", outline_icon())):
        path = os.path.join(here, name)
        with open(path, "wb") as f:
            f.write(png(rows))
        print(f"wrote {path} ({len(rows[0]) // 4}x{len(rows)})")


if __name__ == "__main__":
    main()
