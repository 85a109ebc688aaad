/** Run `step` over 0..n-1 with at most `width` at once, in index order. */
export async function inOrderPool(
  n: number,
  width: number,
  step: (i: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n && !stop()) await step(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
}
