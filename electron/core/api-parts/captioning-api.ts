import {
  ApiError,
  errorInfo,
  type Api,
  type ErrorInfo,
  type EventSettings,
  type Template,
} from '../../contract/api';
import { composeCaption, variableContext } from '../captioning/compose-caption';
import { saveEvent } from '../captioning/event-store';
import {
  captionChanges,
  cullingChanges,
  fieldChanges,
  linkChange,
} from '../metadata/sidecar-changes';
import type { XmpChange } from '../metadata/xmp-write';
import type { OpenFolder } from '../folders/folder-registry';
import { FindError, replaceAll } from '../../../common/captioning/find-replace';
import { changeSidecar, changeSidecars, syncRenderedCaption } from './sidecar-writer';
import { noteChanged } from '../folders/change-batch';
import { KeyedLocks } from '../util/keyed-locks';
import type { CoreContext } from './core-context';
import { isListField, TEMPLATE_FIELD_KEYS } from '../../../common/fields/catalog';

/** Two saves of one folder's event settings (two tabs) run one after the other. */
const eventLocks = new KeyedLocks();

type TemplateFieldName = Exclude<keyof Template, 'event' | 'caption'>;
/** The template's fields that applying writes (the shared caption is joined, not written). */
const TEMPLATE_FIELDS = TEMPLATE_FIELD_KEYS.filter((k): k is TemplateFieldName => k !== 'caption');

/** The XMP changes that applying these template fields makes (only the ones ticked "apply"). */
export function templateChanges(t: Template, only?: Set<TemplateFieldName>): XmpChange[] {
  const fields: Record<string, string | string[]> = {};
  for (const name of TEMPLATE_FIELDS) {
    if (only && !only.has(name)) continue;
    const f = t[name];
    if (!f.apply) continue;
    // A list typed as one line (the by-line) holds its names apart with ';'.
    fields[name] =
      typeof f.value === 'string' && isListField(name)
        ? f.value.split(/\s*;\s*/).filter(Boolean)
        : f.value;
  }
  return fieldChanges(fields);
}

function changedFields(a: Template, b: Template): Set<TemplateFieldName> {
  return new Set(TEMPLATE_FIELDS.filter((n) => JSON.stringify(a[n]) !== JSON.stringify(b[n])));
}

/** Run a per-photo step over many photos: one failure is named and the rest go on. */
async function eachPhoto(files: string[], step: (file: string) => Promise<void>) {
  const done: string[] = [];
  const failed: ({ file: string; error: string } & Partial<ErrorInfo>)[] = [];
  for (const file of files) {
    try {
      await step(file);
      done.push(file);
    } catch (err) {
      failed.push({
        file,
        error: (err as Error).message.includes(file)
          ? (err as Error).message
          : `${file}: ${(err as Error).message}`,
        ...errorInfo(err, file, { code: 'photo-unreadable', params: { file } }),
      });
    }
  }
  return { done, failed };
}

/** Many failures as one error: the first one's code says what went wrong, every file is named. */
function failures(failed: ({ error: string } & Partial<ErrorInfo>)[]): ApiError {
  const first = failed[0]!;
  return new ApiError(failed.map((x) => x.error).join('\n'), first.code, first.params as never);
}

export function captioningApi(ctx: CoreContext) {
  const { folders } = ctx;

  async function setOwnCaption(f: OpenFolder, file: string, text: string) {
    const p = folders.photo(f, file);
    const vars = variableContext(
      p.merged,
      f.event,
      p.entry.file,
      p.read.capturedAt,
      folders.seqn(f, p.entry.file),
    );
    const composed = composeCaption(text, p.merged.eventLinked, f.event, vars);
    return changeSidecar(ctx, f, p.entry.file, captionChanges(text, composed.rendered));
  }

  async function applyTemplateTo(f: OpenFolder, files: string[]) {
    return eachPhoto(files, async (file) => {
      await changeSidecar(ctx, f, file, [...templateChanges(f.event.template), linkChange(true)]);
    });
  }

  async function saveEventOf(f: OpenFolder, event: EventSettings) {
    const previous = f.event;
    const before = new Map([...f.photos].map(([file, p]) => [file, JSON.stringify(p.photo)]));
    await saveEvent(f.info.stateDir, event);
    f.event = event;
    const updated = new Set<string>();
    // Linked photos follow the template's fields; everyone's {variables} follow its values.
    const changed = changedFields(previous.template, event.template);
    const relink = templateChanges(event.template, changed);
    for (const p of [...f.photos.values()]) {
      if (p.merged.eventLinked && relink.length) {
        await changeSidecar(ctx, f, p.entry.file, relink);
        updated.add(p.entry.file);
      }
    }
    folders.rederive(f);
    for (const p of [...f.photos.values()]) {
      // syncRenderedCaption answers with the same photo when it wrote nothing.
      if ((await syncRenderedCaption(ctx, f, p)) !== p) updated.add(p.entry.file);
    }
    // Shared-caption and {variable} changes re-render captions without touching sidecars.
    for (const [file, p] of f.photos)
      if (before.get(file) !== JSON.stringify(p.photo)) noteChanged(f.info.path, file);
    return { event: f.event, updated: [...updated] };
  }

  const api: Pick<
    Api,
    | 'setCaption'
    | 'setFields'
    | 'setCulling'
    | 'getEvent'
    | 'saveEvent'
    | 'applyTemplate'
    | 'findReplace'
  > = {
    async setCaption({ folder, file, text, expected }) {
      const f = await folders.require(folder, [file]);
      const known = folders.photo(f, file);
      // Another program may have written the sidecar a moment ago, before the watcher
      // told us: the check reads what is on disk now, and the news goes out with it.
      const p = expected === undefined ? known : await folders.reindexOne(f, known.entry.file);
      if ((p.caption.own ?? '') !== (known.caption.own ?? ''))
        noteChanged(f.info.path, p.entry.file);
      if (expected !== undefined && (p.caption.own ?? '') !== (expected ?? '')) {
        throw new ApiError(
          `${p.entry.file}: the caption was changed elsewhere; it now reads "${p.caption.own ?? ''}"`,
          'caption-conflict',
          { file: p.entry.file },
        );
      }
      return (await setOwnCaption(f, p.entry.file, text)).photo;
    },

    async setFields({ folder, files, fields, culling }) {
      const f = await folders.require(folder, files);
      const { caption, ...rest } = fields;
      const changes = [...fieldChanges(rest), ...cullingChanges(culling)];
      const { done, failed } = await eachPhoto(files, async (file) => {
        if (changes.length) await changeSidecar(ctx, f, file, changes);
        if (caption !== undefined) await setOwnCaption(f, file, caption);
      });
      if (failed.length) throw failures(failed);
      return done.map((file) => folders.photo(f, file).photo);
    },

    async setCulling({ folder, changes }) {
      const f = await folders.require(
        folder,
        changes.map((c) => c.file),
      );
      const photos = await changeSidecars(
        ctx,
        f,
        changes.map((c) => ({ file: c.file, changes: cullingChanges(c.culling) })),
      );
      return photos.map((p) => p.photo);
    },

    async getEvent({ folder }) {
      return (await folders.require(folder, [])).event;
    },

    async saveEvent({ folder, event }) {
      const f = await folders.require(folder);
      return eventLocks.run(f.info.stateDir, () => saveEventOf(f, event as EventSettings));
    },

    async applyTemplate({ folder, files }) {
      const f = await folders.require(folder);
      const { done, failed } = await applyTemplateTo(f, files ?? [...f.photos.keys()]);
      return { applied: done, failed };
    },

    async findReplace({ folder, spec, apply, files }) {
      const f = await folders.require(folder);
      const targets = files ?? [...f.photos.keys()];
      const changes: { file: string; before: string; after: string; count: number }[] = [];
      try {
        for (const file of targets) {
          const own = folders.photo(f, file).caption.own ?? '';
          const r = replaceAll(own, spec);
          if (r.count) changes.push({ file, before: own, after: r.text, count: r.count });
        }
      } catch (err) {
        if (err instanceof FindError) throw new ApiError(err.message, 'find-pattern-invalid');
        throw err;
      }
      if (apply) {
        const { failed } = await eachPhoto(
          changes.map((c) => c.file),
          async (file) =>
            void (await setOwnCaption(f, file, changes.find((c) => c.file === file)!.after)),
        );
        if (failed.length) throw failures(failed);
      }
      return { changes, applied: apply };
    },
  };

  return { api, applyTemplateTo, setOwnCaption };
}
