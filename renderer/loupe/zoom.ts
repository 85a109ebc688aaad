/**
 * Fit and 100% views of one picture in a pane, as plain geometry. At 100% one image
 * pixel is one CSS pixel, and the image point (ux, uy) — fractions of the image — sits
 * at the pane point (vx, vy) — fractions of the pane — so a click keeps the point under
 * the cursor, a drag moves (vx, vy), and several panes can share one zoom.
 */
export interface Zoom {
  zoomed: boolean;
  ux: number;
  uy: number;
  vx: number;
  vy: number;
}

export const FIT: Zoom = { zoomed: false, ux: 0.5, uy: 0.5, vx: 0.5, vy: 0.5 };

/** 100% on the middle of the picture (the Z key). */
export const CENTRE: Zoom = { ...FIT, zoomed: true };

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Size {
  width: number;
  height: number;
}

/** The whole picture, as large as the pane allows, centred. */
export function fitBox(pane: Size, image: Size): Box {
  if (image.width <= 0 || image.height <= 0 || pane.width <= 0 || pane.height <= 0)
    return { left: 0, top: 0, width: 0, height: 0 };
  const scale = Math.min(pane.width / image.width, pane.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { left: (pane.width - width) / 2, top: (pane.height - height) / 2, width, height };
}

/** Where the picture sits for a zoom state; a side smaller than the pane is centred. */
export function zoomBox(pane: Size, image: Size, zoom: Zoom): Box {
  if (!zoom.zoomed) return fitBox(pane, image);
  const place = (paneLen: number, imageLen: number, u: number, v: number) =>
    imageLen <= paneLen ? (paneLen - imageLen) / 2 : v * paneLen - u * imageLen;
  return {
    left: place(pane.width, image.width, zoom.ux, zoom.vx),
    top: place(pane.height, image.height, zoom.uy, zoom.vy),
    width: image.width,
    height: image.height,
  };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A click at (x, y) in the pane while fitted: zoom to 100% with that point kept under it. */
export function zoomAt(pane: Size, image: Size, x: number, y: number): Zoom {
  const fit = fitBox(pane, image);
  return {
    zoomed: true,
    ux: fit.width ? clamp01((x - fit.left) / fit.width) : 0.5,
    uy: fit.height ? clamp01((y - fit.top) / fit.height) : 0.5,
    vx: pane.width ? x / pane.width : 0.5,
    vy: pane.height ? y / pane.height : 0.5,
  };
}

/** A drag by (dx, dy) CSS pixels at 100%. */
export function panBy(zoom: Zoom, pane: Size, dx: number, dy: number): Zoom {
  if (!zoom.zoomed || pane.width <= 0 || pane.height <= 0) return zoom;
  return { ...zoom, vx: zoom.vx + dx / pane.width, vy: zoom.vy + dy / pane.height };
}
