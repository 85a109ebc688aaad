import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, eventSchema, type EventSettings, type Template } from '../../contract/api';
import { writeFileAtomic } from '../fs/atomic-write';
import { FIELDS } from '../../../common/fields/catalog';
import { computerTimeZone } from '../../../common/time/time-zone';

/** A new event's template: every catalog field empty and not applied, or its default. */
export function emptyTemplate(): Template {
  const fields = FIELDS.flatMap((f) =>
    f.template === false
      ? []
      : [
          [
            f.key,
            f.kind === 'list' && !('acceptsText' in f)
              ? { value: [], apply: false }
              : { value: 'default' in f.template ? f.template.default : '', apply: false },
          ],
        ],
  );
  return { event: '', ...Object.fromEntries(fields) } as Template;
}

export function defaultEvent(): EventSettings {
  return {
    template: emptyTemplate(),
    ownTextPosition: 'before',
    autoApply: false,
    templateName: null,
    timeZone: computerTimeZone(),
  };
}

/** The event's settings live with its folder (hidden), so a copied folder keeps them. */
export function eventPath(stateDir: string): string {
  return join(stateDir, '.captiondesk', 'event.json');
}

export async function loadEvent(stateDir: string): Promise<EventSettings> {
  let raw: string;
  try {
    raw = await readFile(eventPath(stateDir), 'utf8');
  } catch {
    return defaultEvent();
  }
  const parsed = eventSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new ApiError(
      `${eventPath(stateDir)} is damaged: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      'settings-damaged',
      { path: eventPath(stateDir) },
    );
  return parsed.data;
}

export async function saveEvent(stateDir: string, event: EventSettings): Promise<void> {
  await mkdir(join(stateDir, '.captiondesk'), { recursive: true });
  await writeFileAtomic(eventPath(stateDir), JSON.stringify(event, null, 2) + '\n');
}
