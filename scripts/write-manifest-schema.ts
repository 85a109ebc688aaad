// Regenerates docs/package-manifest.schema.json from the zod schema: `npx tsx scripts/write-manifest-schema.ts`.
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../electron/contract/package-manifest';

writeFileSync(
  new URL('../docs/package-manifest.schema.json', import.meta.url),
  JSON.stringify(manifestJsonSchema(), null, 2) + '\n',
);
