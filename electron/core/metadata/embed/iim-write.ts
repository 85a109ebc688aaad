import { FIELDS } from '../../../../common/fields/catalog';
import { toAlpha3 } from '../../../../common/fields/country-codes';
import { decodeIimText, declaresUtf8, parseIim, type IimDataset } from '../iim-read';
import { listOf, type EmbedFields } from './fields';
import { parseIsoDate } from './iso-date';
import { limitedText, type Truncation } from './text-cut';

interface DatasetOf {
  key: string;
  ds: number;
  limit: number;
}

const IIM_ROWS = FIELDS.filter((f) => f.iim !== null);
const byDataset = (a: DatasetOf, b: DatasetOf) => a.ds - b.ds;
const datasetOf = (f: (typeof IIM_ROWS)[number]): DatasetOf => ({
  key: f.key,
  ds: f.iim.dataset,
  limit: f.iim.maxBytes,
});

/** Each single-valued text field and its record 2 dataset, from the catalog. */
const TEXT_DATASETS = IIM_ROWS.filter((f) => !f.iim.repeatable && f.kind !== 'date')
  .map(datasetOf)
  .sort(byDataset);
/** Each list field: one dataset per item. */
const LIST_DATASETS = IIM_ROWS.filter((f) => f.iim.repeatable)
  .map(datasetOf)
  .sort(byDataset);
/** Each date field: its date dataset and the dataset of its time. */
const DATE_DATASETS = IIM_ROWS.flatMap((f) =>
  f.kind === 'date' && 'timeDataset' in f.iim
    ? [{ key: f.key, date: f.iim.dataset, time: f.iim.timeDataset }]
    : [],
);

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

type Values = Partial<Record<string, string | string[]>>;

/**
 * Values IIM takes in another form than we keep them. 2:100 requires ISO 3166-1 alpha-3
 * while people and XMP often use alpha-2; a code that is not assigned gives null and the
 * dataset is left out (the old one is still replaced), because a wrong code in a primary
 * location field misfiles the photo at the desk, while a missing one only leaves it unfiled.
 */
const IIM_FORM: Partial<Record<string, (value: string) => string | null>> = {
  countryCode: toAlpha3,
};

function replacedDatasets(fields: EmbedFields): Set<number> {
  const values = fields as Values;
  const out = new Set<number>();
  for (const { key, ds } of [...TEXT_DATASETS, ...LIST_DATASETS])
    if (values[key] !== undefined) out.add(ds);
  for (const { key, date, time } of DATE_DATASETS)
    if (values[key] !== undefined) {
      out.add(date);
      out.add(time);
    }
  return out;
}

function ourDatasets(fields: EmbedFields, truncated: Truncation[]): IimDataset[] {
  const values = fields as Values;
  const out: IimDataset[] = [];
  const add = (ds: number, data: Buffer) => out.push({ record: 2, dataset: ds, data });
  for (const { key, ds, limit } of TEXT_DATASETS) {
    const given = values[key];
    const form = IIM_FORM[key];
    const value = typeof given === 'string' && given && form ? form(given) : given;
    if (typeof value === 'string' && value)
      add(ds, limitedText(value, limit, key, `2:${ds}`, truncated));
  }
  for (const { key, ds, limit } of LIST_DATASETS)
    for (const item of listOf(values[key]) ?? [])
      add(ds, limitedText(item, limit, key, `2:${ds}`, truncated));
  for (const { key, date: dateDs, time: timeDs } of DATE_DATASETS) {
    const value = values[key];
    const date = typeof value === 'string' && value ? parseIsoDate(value) : null;
    if (!date) continue;
    add(dateDs, Buffer.from(date.iimDate, 'latin1'));
    if (date.iimTime) add(timeDs, Buffer.from(date.iimTime, 'latin1'));
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
  return [...TEXT_DATASETS, ...LIST_DATASETS].find((t) => t.ds === ds)?.limit;
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
