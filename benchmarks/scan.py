"""Scan-like image PDFs from text PDFs: each page rasterised, turned a little, blurred and
sprinkled with noise, as a flatbed scan of a printout comes out. The text layer is gone, so
reading the result back needs OCR; the source PDF gives the answers to expect.

    python benchmarks/scan.py minutes.pdf minutes-scan.pdf --angle 1.0 --seed 3
"""

from __future__ import annotations

import argparse
from pathlib import Path


def rasterise(source: Path, out: Path, *, dpi: int = 200, angle: float = 0.8, blur: float = 0.7,
              noise: float = 0.003, seed: int = 0, pages: int | None = None) -> Path:
    """Write an image-only copy of (the first ``pages`` pages of) ``source``; ``noise`` is the share
    of pixels turned into specks."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(str(source))
    images = []
    try:
        for index in range(min(len(pdf), pages or len(pdf))):
            page = pdf[index]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil().convert("L")
            bitmap.close()
            page.close()
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
            image = image.filter(ImageFilter.GaussianBlur(blur))
            pixels = np.asarray(image).copy()
            specks = rng.random(pixels.shape) < noise
            pixels[specks] = rng.integers(60, 160, int(specks.sum()), dtype=np.uint8)
            images.append(Image.fromarray(pixels))
    finally:
        pdf.close()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--angle", type=float, default=0.8, help="degrees, counter-clockwise")
    parser.add_argument("--blur", type=float, default=0.7, help="Gaussian blur radius in pixels")
    parser.add_argument("--noise", type=float, default=0.003, help="share of pixels turned into specks")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rasterise(args.source, args.out, dpi=args.dpi, angle=args.angle, blur=args.blur, noise=args.noise,
              seed=args.seed)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
