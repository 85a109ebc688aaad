import type { Template } from '../../contract/api';
import { templateChanges } from '../api-parts/captioning-api';
import { composeCaption } from '../captioning/compose-caption';
import { defaultEvent } from '../captioning/event-store';
import { templateNameValues } from '../../../common/naming/ingest-name';
import { captionChanges, fieldChanges, linkChange } from '../metadata/sidecar-changes';
import type { XmpChange } from '../metadata/xmp-write';

export interface IngestPhotoFacts {
  /** The photo's new name. */
  file: string;
  capturedAt: string | null;
  seqn: number;
  /** From the hot codes, for this photo's camera serial. */
  hotByline: string | null;
}

/**
 * What a new photo's sidecar gets at ingest: the template's ticked fields and shared
 * caption (linked to the event, as "apply template" does), and the hot-code byline,
 * which wins over the template's. Empty when there is nothing to write.
 */
export function ingestSidecarChanges(
  template: Template | null,
  facts: IngestPhotoFacts,
): XmpChange[] {
  const out: XmpChange[] = [];
  if (template) {
    const t = facts.hotByline
      ? { ...template, byline: { ...template.byline, apply: false } }
      : template;
    out.push(...templateChanges(t));
    const values = templateNameValues(template);
    const composed = composeCaption(
      null,
      true,
      { ...defaultEvent(), template },
      {
        ...values,
        byline: facts.hotByline ?? values.byline,
        filename: facts.file,
        capturedAt: facts.capturedAt,
        seqn: facts.seqn,
      },
    );
    if (composed.rendered) out.push(...captionChanges('', composed.rendered));
  }
  if (facts.hotByline) out.push(...fieldChanges({ byline: [facts.hotByline] }));
  if (!out.length) return [];
  return template ? [...out, linkChange(true)] : out;
}
