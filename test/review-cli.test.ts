import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from './helpers/fixtures';
import { smallPackage, writePackage } from './helpers/review-package';
import { runCli } from './helpers/run-cli';

describe('CLI review and diff', () => {
  let root: string;
  let v1: string;
  let env: Record<string, string>;

  const cli = (args: string[]) => runCli(args, env);

  beforeAll(async () => {
    root = await tempDir('captiondesk-review-cli-');
    env = {
      CAPTIONDESK_DATA_DIR: join(root, 'data'),
      CAPTIONDESK_CACHE_DIR: join(root, 'cache'),
    };
    await mkdir(join(root, 'pkg'));
    v1 = await writePackage(join(root, 'pkg', 'bai.zip'), await smallPackage());
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('review --return writes the next version and prints its path', async () => {
    const r = await cli([
      'review',
      v1,
      '--return',
      '--note',
      'Sửa chú thích ảnh 2.',
      '--reviewer',
      'Nguyễn Biên Tập',
      '--comment',
      'article: Tít cần ngắn hơn',
      '--comment',
      'p2: Ảnh tối: có ảnh khác không?',
      '--caption',
      'p1=Toàn cảnh hội nghị.',
      '--paragraph',
      'b1=Phó Bí thư Tỉnh uỷ Hoàng Giang dự hội nghị.',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(join(root, 'pkg', 'bai-v2.zip'));
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      'Paragraph b1 edited',
      'Caption of p1 (DSC-2400.JPG) edited',
      'Comment on article',
      'Comment on p2',
    ]);
  }, 60_000);

  it('diff prints a word diff, and --json the same as data', async () => {
    const v2 = join(root, 'pkg', 'bai-v2.zip');
    const text = await cli(['diff', v1, v2]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Paragraph b1 (changed): Phó Bí thư Tỉnh [-ủy-]{+uỷ+} Hoàng');
    expect(text.stdout).toContain('Caption p1 (DSC-2400.JPG): [-Quang-]{+Toàn+} cảnh hội nghị.');
    expect(text.stdout).toContain(
      'History v2: returned by Nguyễn Biên Tập (editor): Sửa chú thích ảnh 2.',
    );
    expect(text.stdout).toContain('Comment on p2 by Nguyễn Biên Tập: Ảnh tối: có ảnh khác không?');
    const json = await cli(['diff', v1, v2, '--json']);
    expect(json.code).toBe(0);
    const d = JSON.parse(json.stdout);
    expect(d.text).toBeUndefined();
    expect(d.captions).toEqual([
      {
        photoId: 'p1',
        sourceFile: 'DSC-2400.JPG',
        diff: [
          { op: 'del', text: 'Quang' },
          { op: 'ins', text: 'Toàn' },
          { op: 'eq', text: ' cảnh hội nghị.' },
        ],
      },
    ]);
    const verify = await cli(['call', 'verifyPackage', JSON.stringify({ path: v2 })]);
    expect(JSON.parse(verify.stdout)).toEqual({ ok: true, problems: [] });
  }, 60_000);

  it('review --approve of v2 gives v3; a missing decision or note is a usage error', async () => {
    const v2 = join(root, 'pkg', 'bai-v2.zip');
    const ok = await cli(['review', v2, '--approve', '--reviewer', 'Tổng biên tập']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe(join(root, 'pkg', 'bai-v3.zip'));
    const none = await cli(['review', v2]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/give one of --approve, --return/);
    const noNote = await cli(['review', v2, '--return']);
    expect(noNote.code).toBe(1);
    expect(noNote.stderr).toMatch(/--return needs --note/);
  }, 60_000);

  it('refuses a hostile package with its reason, exit 2', async () => {
    const bytes = await readFile(v1);
    const at = bytes.indexOf(Buffer.from('Quang'));
    const tampered = Buffer.from(bytes);
    tampered[at] = 0x51 ^ 0x20;
    const path = join(root, 'pkg', 'tampered.zip');
    await writeFile(path, tampered);
    const r = await cli(['review', path, '--approve', '--reviewer', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Refusing to open tampered\.zip/);
    expect(r.stderr).toMatch(/CRC-32 mismatch|sha256 mismatch/);
  }, 60_000);
});
