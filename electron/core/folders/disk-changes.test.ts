import { describe, expect, it } from 'vitest';
import { defaultEvent } from '../captioning/event-store';
import { emptyRead } from '../metadata/read-photo';
import { mergeDiskReads, type DiskReads } from './disk-changes';
import type { FolderEntry } from './list-photos';
import type { OpenFolder } from './open-folder';
import { derive, type IndexedPhoto } from './photo-index';

const event = defaultEvent();
const entry = (file: string): FolderEntry => ({ file, diskName: file, pairedWith: null });
const photo = (file: string, bytes = 100): IndexedPhoto =>
  derive(entry(file), `/event/${file}`, emptyRead('jpeg', bytes, 1), null, event, 0);

function folderOf(photos: IndexedPhoto[]): OpenFolder {
  return {
    info: { path: '/event', name: 'event', stateDir: '/state', writable: true, isSample: false },
    key: 'k',
    event,
    photos: new Map(photos.map((p) => [p.entry.file, p])),
    watcher: null,
    thumbJob: null,
    arrivalThumbs: Promise.resolve(),
    loaded: Promise.resolve(),
  };
}

describe('mergeDiskReads', () => {
  it('puts new and re-read photos in listing order and names the ones gone', () => {
    const a = photo('a.jpg');
    const c = photo('c.jpg');
    const gone = photo('z.jpg');
    const f = folderOf([a, c, gone]);
    const b = photo('b.jpg');
    const c2 = photo('c.jpg', 200);
    const reads: DiskReads = {
      entries: [entry('a.jpg'), entry('b.jpg'), entry('c.jpg')],
      toRead: [
        { entry: entry('b.jpg'), old: undefined },
        { entry: entry('c.jpg'), old: c },
      ],
      read: [b, c2],
      removed: ['z.jpg'],
    };
    const change = mergeDiskReads(f, reads);
    expect(change).toEqual({ photos: [b, c2], removed: ['z.jpg'], added: ['b.jpg'] });
    expect([...f.photos.keys()]).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(f.photos.get('a.jpg')).toBe(a);
    expect(f.photos.get('c.jpg')).toBe(c2);
  });

  it('keeps a photo saved while its re-read was under way: ours is newer', () => {
    const a = photo('a.jpg');
    const f = folderOf([a]);
    const saved = photo('a.jpg', 150);
    f.photos.set('a.jpg', saved);
    const stale = photo('a.jpg', 120);
    const change = mergeDiskReads(f, {
      entries: [entry('a.jpg')],
      toRead: [{ entry: entry('a.jpg'), old: a }],
      read: [stale],
      removed: [],
    });
    expect(change).toBeNull();
    expect(f.photos.get('a.jpg')).toBe(saved);
  });

  it('reports nothing when the old read was reused and the photo is the same', () => {
    const a = photo('a.jpg');
    const f = folderOf([a]);
    const before = f.photos;
    const same = derive(a.entry, a.path, a.read, null, event, 0);
    const change = mergeDiskReads(f, {
      entries: [entry('a.jpg')],
      toRead: [{ entry: entry('a.jpg'), old: a }],
      read: [same],
      removed: [],
    });
    expect(change).toBeNull();
    expect(f.photos).toBe(before);
  });
});
