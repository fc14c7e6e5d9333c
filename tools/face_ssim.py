"""Face SSIM measures shared by the measurement scripts in this folder (imported, not run)."""

import cv2
import numpy as np


def gaussian_ssim(a, b):
    """The usual mean SSIM of two grey images (float64, 0-255), Gaussian window sigma 1.5."""
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    blur = lambda x: cv2.GaussianBlur(x, (11, 11), 1.5)
    ma, mb = blur(a), blur(b)
    va, vb, cov = blur(a * a) - ma * ma, blur(b * b) - mb * mb, blur(a * b) - ma * mb
    s = ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
    return float(s.mean())


def program_ssim(a, b):
    """The program's face SSIM (`quality::ssim_in`, `image-compare`'s `MSSIMSimple`) of two grey
    images: non-overlapping 8x8 windows whose variances and covariance are sums over the window
    rather than means."""
    h, w = a.shape[0] // 8 * 8, a.shape[1] // 8 * 8
    blocks = lambda x: x[:h, :w].reshape(h // 8, 8, w // 8, 8).transpose(0, 2, 1, 3).reshape(-1, 64)
    a, b = blocks(a), blocks(b)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    ma, mb = a.mean(1), b.mean(1)
    da, db = a - ma[:, None], b - mb[:, None]
    va, vb, cov = (da * da).sum(1), (db * db).sum(1), (da * db).sum(1)
    s = ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
    return float(s.mean())
