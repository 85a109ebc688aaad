/** 2026-11-25T18:22:56.403Z → 2026-11-25 18:22Z (the zone kept as written). */
export const shortTime = (at: string) =>
  at.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d(\.\d+)?)?/, '$1 $2');
