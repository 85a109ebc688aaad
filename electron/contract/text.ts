import { z } from 'zod';

/** Text as every front sends it: brought to NFC, then limited. */
export const nfc = z.string().transform((s) => s.normalize('NFC'));
export const text = (max = 20000) => nfc.pipe(z.string().max(max));
