#!/usr/bin/env python3
"""Times mouse-wheel scrolling of the window under the pointer, for tools/bench-gui.sh.

Sends STEPS wheel-down clicks through XTEST (no process start per click) and, after each,
polls a small square of the screen under the pointer until its pixels change: the time from
the click to the changed picture being on the X server's screen. A poll takes about a
millisecond, so the figure is close to what a user sees. Prints one latency in ms per line;
3000 means the screen did not change within 3 s.

    scroll-latency.py X Y STEPS   (pointer position on the root window)
"""

import sys
import time

from Xlib import X, display
from Xlib.ext import xtest

SQUARE = 64
TIMEOUT_S = 3.0


def main():
    x, y, steps = (int(a) for a in sys.argv[1:4])
    d = display.Display()
    root = d.screen().root
    xtest.fake_input(d, X.MotionNotify, x=x, y=y)
    d.sync()
    time.sleep(0.5)

    def square():
        return root.get_image(x - SQUARE // 2, y - SQUARE // 2, SQUARE, SQUARE,
                              X.ZPixmap, 0xFFFFFFFF).data

    for _ in range(steps):
        before = square()
        sent = time.monotonic()
        xtest.fake_input(d, X.ButtonPress, 5)
        xtest.fake_input(d, X.ButtonRelease, 5)
        d.sync()
        while square() == before and time.monotonic() - sent < TIMEOUT_S:
            pass
        print(round((time.monotonic() - sent) * 1000))
        sys.stdout.flush()
        # Let the window settle before the next step, as a reading user would.
        time.sleep(0.25)


if __name__ == "__main__":
    main()
