import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { manifestJsonSchema, manifestSchema } from '../../contract/package-manifest';
import { seedManifest } from '../../../test/helpers/seed-manifest';

describe('the package manifest schema', () => {
  it('is published in docs/ exactly as the code validates (regenerate with scripts/write-manifest-schema.ts)', async () => {
    const published = JSON.parse(
      await readFile(
        new URL('../../../docs/package-manifest.schema.json', import.meta.url),
        'utf8',
      ),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(manifestJsonSchema())));
    expect(published.$id).toMatch(/package-manifest-1\.json$/);
  });

  it('accepts the seed article and refuses unsafe photo paths', async () => {
    const m = await seedManifest();
    expect(manifestSchema.safeParse(m).success).toBe(true);
    for (const bad of ['../x.jpg', '/etc/x.jpg', 'C:\\x.jpg', 'photos/a:b.jpg']) {
      const photos = [{ ...m.photos[0]!, file: bad }, ...m.photos.slice(1)];
      expect(manifestSchema.safeParse({ ...m, photos }).success, bad).toBe(false);
    }
  });
});
