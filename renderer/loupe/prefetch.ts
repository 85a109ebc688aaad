/**
 * The neighbours of the photo in the loupe, fetched and decoded ahead, so that an arrow
 * key shows the next picture at once. The images are kept (a few at most) so that the
 * browser keeps their decoded pixels.
 */
const KEEP = 6;

export class Prefetcher {
  private readonly images = new Map<string, HTMLImageElement>();

  want(srcs: readonly string[]): void {
    for (const src of srcs) {
      if (this.images.has(src)) {
        // Most recently wanted last, so the oldest goes first.
        const img = this.images.get(src)!;
        this.images.delete(src);
        this.images.set(src, img);
        continue;
      }
      const img = new Image();
      img.decoding = 'async';
      img.src = src;
      img.decode().catch(() => {
        // A broken neighbour shows its own error when it is flipped to.
      });
      this.images.set(src, img);
    }
    while (this.images.size > KEEP) {
      const oldest = this.images.keys().next().value;
      if (oldest === undefined) break;
      this.images.delete(oldest);
    }
  }
}
