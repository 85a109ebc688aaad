import { describe, expect, it } from 'vitest';
import { FIT, fitBox, panBy, zoomAt, zoomBox } from './zoom';

const pane = { width: 1000, height: 500 };
const image = { width: 6000, height: 4000 };

describe('loupe zoom', () => {
  it('fits the whole picture, centred', () => {
    expect(fitBox(pane, image)).toEqual({ left: 125, top: 0, width: 750, height: 500 });
    expect(zoomBox(pane, image, FIT)).toEqual(fitBox(pane, image));
  });

  it('zooms to 100% with the clicked point staying under the cursor', () => {
    // A click at (500, 250) is the image's centre: (3000, 2000) comes under it.
    const z = zoomAt(pane, image, 500, 250);
    const box = zoomBox(pane, image, z);
    expect(box.width).toBe(6000);
    expect(box.height).toBe(4000);
    expect(box.left + 3000).toBeCloseTo(500);
    expect(box.top + 2000).toBeCloseTo(250);
    // An off-centre click: the image point under it stays put.
    const at = { x: 200, y: 100 };
    const fit = fitBox(pane, image);
    const u = {
      x: ((at.x - fit.left) / fit.width) * 6000,
      y: ((at.y - fit.top) / fit.height) * 4000,
    };
    const b2 = zoomBox(pane, image, zoomAt(pane, image, at.x, at.y));
    expect(b2.left + u.x).toBeCloseTo(at.x);
    expect(b2.top + u.y).toBeCloseTo(at.y);
  });

  it('pans by the drag, and centres a picture smaller than the pane', () => {
    const z = zoomAt(pane, image, 500, 250);
    const moved = zoomBox(pane, image, panBy(z, pane, 40, -20));
    expect(moved.left).toBeCloseTo(500 - 3000 + 40);
    expect(moved.top).toBeCloseTo(250 - 2000 - 20);
    const small = { width: 160, height: 120 };
    expect(zoomBox(pane, small, zoomAt(pane, small, 10, 10))).toEqual({
      left: 420,
      top: 190,
      width: 160,
      height: 120,
    });
    expect(panBy(FIT, pane, 10, 10)).toBe(FIT);
  });
});
