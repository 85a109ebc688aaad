import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { folderFromArgv, packageFromArgv } from './launch-args';

const cwd = path.resolve('/home/pv');
const folders = new Set([path.resolve('/mnt/card/DCIM'), path.join(cwd, 'Ảnh', 'hội nghị')]);
const isDirectory = (p: string) => folders.has(p);

describe('folderFromArgv', () => {
  it('takes the folder after the executable in a packaged app', () => {
    const argv = ['/opt/CaptionDesk/captiondesk', '/mnt/card/DCIM'];
    expect(folderFromArgv(argv, { isDefaultApp: false, cwd, isDirectory })).toBe(
      path.resolve('/mnt/card/DCIM'),
    );
  });

  it('skips the app path when run by `electron .`', () => {
    const argv = ['/x/electron', '.', 'Ảnh/hội nghị'];
    expect(folderFromArgv(argv, { isDefaultApp: true, cwd, isDirectory })).toBe(
      path.join(cwd, 'Ảnh', 'hội nghị'),
    );
    expect(
      folderFromArgv(['/x/electron', '/mnt/card/DCIM'], { isDefaultApp: true, cwd, isDirectory }),
    ).toBeNull();
  });

  it('ignores switches, files and folders that do not exist', () => {
    const argv = [
      'captiondesk',
      '--no-sandbox',
      '--original-process-start-time=13371337',
      '-psn_0_12345',
      'notes.txt',
      '/does/not/exist',
      '/mnt/card/DCIM',
    ];
    expect(folderFromArgv(argv, { isDefaultApp: false, cwd, isDirectory })).toBe(
      path.resolve('/mnt/card/DCIM'),
    );
  });

  it('is null without a folder', () => {
    expect(folderFromArgv(['captiondesk'], { isDefaultApp: false, cwd, isDirectory })).toBeNull();
    expect(folderFromArgv([], { isDefaultApp: false, cwd, isDirectory })).toBeNull();
  });
});

describe('packageFromArgv', () => {
  const opts = {
    isDefaultApp: false,
    cwd: '/home/bien-tap',
    isDirectory: () => false,
    isFile: (p: string) => p.endsWith('.zip') || p.endsWith('.cdpkg'),
  };
  it('finds a package the OS opened with us, relative to the launching shell', () => {
    expect(
      packageFromArgv(
        ['CaptionDesk', '--no-sandbox', 'Gói bài/baolaocai-2024-12-26-hoi-nghi.zip'],
        opts,
      ),
    ).toBe('/home/bien-tap/Gói bài/baolaocai-2024-12-26-hoi-nghi.zip');
    expect(packageFromArgv(['CaptionDesk', '/tmp/x.cdpkg'], opts)).toBe('/tmp/x.cdpkg');
  });
  it('ignores folders, other files and switches', () => {
    expect(packageFromArgv(['CaptionDesk', '/tmp/photo.jpg', '--flag'], opts)).toBeNull();
  });
});
