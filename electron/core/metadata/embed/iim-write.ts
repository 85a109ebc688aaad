import { IIM_LIMITS } from '../../../../common/text/byte-budget';
import { decodeIimText, declaresUtf8, parseIim, type IimDataset } from '../iim-read';
import { bylineList, type EmbedFields, type TextKey } from './fields';
import { parseIsoDate } from './iso-date';
import { limitedText, type Truncation } from './text-cut';

/** Each single-valued field and its record 2 dataset. */
const TEXT_DATASETS: readonly {
  key: Exclude<TextKey, 'dateCreated'>;
  ds: number;
  limit: number;
}[] = [
  { key: 'title', ds: 5, limit: IIM_LIMITS.title },
  { key: 'instructions', ds: 40, limit: IIM_LIMITS.instructions },
  { key: 'city', ds: 90, limit: IIM_LIMITS.city },
  { key: 'location', ds: 92, limit: IIM_LIMITS.location },
  { key: 'province', ds: 95, limit: IIM_LIMITS.province },
  { key: 'countryCode', ds: 100, limit: IIM_LIMITS.countryCode },
  { key: 'country', ds: 101, limit: IIM_LIMITS.country },
  { key: 'jobId', ds: 103, limit: IIM_LIMITS.jobId },
  { key: 'headline', ds: 105, limit: IIM_LIMITS.headline },
  { key: 'credit', ds: 110, limit: IIM_LIMITS.credit },
  { key: 'source', ds: 115, limit: IIM_LIMITS.source },
  { key: 'copyright', ds: 116, limit: IIM_LIMITS.copyright },
  { key: 'caption', ds: 120, limit: IIM_LIMITS.caption },
];

const KEYWORDS = 25;
const DATE_CREATED = 55;
const TIME_CREATED = 60;
const BYLINE = 80;

/** Byte limits of other record 2 text datasets (IIM 4.2), for text we re-encode. */
const OTHER_LIMITS: Record<number, number> = {
  7: 64,
  12: 236,
  15: 3,
  20: 32,
  22: 32,
  26: 3,
  27: 64,
  45: 10,
  65: 32,
  70: 10,
  85: 32,
  118: 128,
  122: 32,
  135: 3,
};

/** Datasets that hold numbers or binary data, never text: copied byte for byte. */
const BINARY = new Set([
  '1:0',
  '1:20',
  '1:22',
  '1:90',
  '1:120',
  '1:122',
  '2:0',
  '2:200',
  '2:201',
  '2:202',
]);

const UTF8_ESCAPE = Buffer.from([0x1b, 0x25, 0x47]);

/**
 * The IIM block to write: 1:90 declaring UTF-8 first, 2:00 RecordVersion 4, then record 2
 * in dataset order. Datasets for fields we do not set are kept, re-encoded to UTF-8 when
 * they were Latin-1, because after 1:90 a reader takes every byte as UTF-8.
 * Returns null when the file has no IIM and there is nothing to put in one.
 */
export function buildIim(
  existing: Buffer | null,
  fields: EmbedFields,
  truncated: Truncation[],
): Buffer | null {
  const old = existing ? parseIim(existing) : [];
  const ours = ourDatasets(fields, truncated);
  const replaced = replacedDatasets(fields);
  const kept = old.filter(
    (d) =>
      !(d.record === 1 && d.dataset === 90) &&
      !(d.record === 2 && (d.dataset === 0 || replaced.has(d.dataset))),
  );
  if (ours.length === 0 && !kept.some((d) => d.record !== 1)) return null;

  const utf8 = declaresUtf8(old);
  const reencoded = kept.map((d) => reencode(d, utf8, truncated));
  const record2 = [...reencoded.filter((d) => d.record === 2), ...ours]
    // Array.prototype.sort is stable: repeated datasets keep their order.
    .sort((a, b) => a.dataset - b.dataset);
  const version = { record: 2, dataset: 0, data: Buffer.from([0x00, 0x04]) };
  const ordered: IimDataset[] = [
    { record: 1, dataset: 90, data: UTF8_ESCAPE },
    ...reencoded.filter((d) => d.record === 1),
    version,
    ...record2,
    ...reencoded.filter((d) => d.record > 2).sort((a, b) => a.record - b.record),
  ];
  return Buffer.concat(ordered.map(encodeDataset));
}

function replacedDatasets(fields: EmbedFields): Set<number> {
  const out = new Set<number>();
  for (const { key, ds } of TEXT_DATASETS) if (fields[key] !== undefined) out.add(ds);
  if (fields.keywords !== undefined) out.add(KEYWORDS);
  if (fields.byline !== undefined) out.add(BYLINE);
  if (fields.dateCreated !== undefined) {
    out.add(DATE_CREATED);
    out.add(TIME_CREATED);
  }
  return out;
}

function ourDatasets(fields: EmbedFields, truncated: Truncation[]): IimDataset[] {
  const out: IimDataset[] = [];
  const add = (ds: number, data: Buffer) => out.push({ record: 2, dataset: ds, data });
  for (const { key, ds, limit } of TEXT_DATASETS) {
    const value = fields[key];
    if (value) add(ds, limitedText(value, limit, key, `2:${ds}`, truncated));
  }
  for (const k of fields.keywords ?? [])
    if (k)
      add(KEYWORDS, limitedText(k, IIM_LIMITS.keyword, 'keywords', `2:${KEYWORDS}`, truncated));
  for (const b of bylineList(fields.byline) ?? [])
    add(BYLINE, limitedText(b, IIM_LIMITS.byline, 'byline', `2:${BYLINE}`, truncated));
  const date = fields.dateCreated ? parseIsoDate(fields.dateCreated) : null;
  if (date) {
    add(DATE_CREATED, Buffer.from(date.iimDate, 'latin1'));
    if (date.iimTime) add(TIME_CREATED, Buffer.from(date.iimTime, 'latin1'));
  }
  return out;
}

function reencode(d: IimDataset, utf8Declared: boolean, truncated: Truncation[]): IimDataset {
  if (d.record > 2 || BINARY.has(`${d.record}:${d.dataset}`)) return d;
  const text = decodeIimText(d.data, utf8Declared);
  const limit = d.record === 2 ? (OTHER_LIMITS[d.dataset] ?? limitOfOurs(d.dataset)) : undefined;
  // Latin-1 letters grow to two bytes: cut to the limit, but never below what the file had.
  const data =
    limit === undefined
      ? Buffer.from(text, 'utf8')
      : limitedText(
          text,
          Math.max(limit, d.data.length),
          `existing ${d.record}:${d.dataset}`,
          `${d.record}:${d.dataset}`,
          truncated,
        );
  return { ...d, data };
}

function limitOfOurs(ds: number): number | undefined {
  if (ds === KEYWORDS) return IIM_LIMITS.keyword;
  if (ds === BYLINE) return IIM_LIMITS.byline;
  return TEXT_DATASETS.find((t) => t.ds === ds)?.limit;
}

function encodeDataset(d: IimDataset): Buffer {
  if (d.data.length <= 0x7fff) {
    const head = Buffer.from([0x1c, d.record, d.dataset, 0, 0]);
    head.writeUInt16BE(d.data.length, 3);
    return Buffer.concat([head, d.data]);
  }
  // Extended dataset: the high bit says the next 4 bytes hold the length.
  const head = Buffer.from([0x1c, d.record, d.dataset, 0x80, 0x04, 0, 0, 0, 0]);
  head.writeUInt32BE(d.data.length, 5);
  return Buffer.concat([head, d.data]);
}
