import { useI18n } from '../i18n/context';
import type { Manifest } from './edits';
import { shortTime } from './time';
import noteStyles from './notes.module.css';

type Entry = Manifest['history'][number];

/** One step of a package's history (version, decision, who, when) and its note, as every list shows it. */
export function HistoryEntryHead({
  entry: h,
}: {
  entry: Pick<Entry, 'version' | 'decision' | 'by' | 'role' | 'at' | 'note'>;
}) {
  const { m } = useI18n();
  return (
    <>
      <span className={noteStyles.rvHistoryHead}>
        v{h.version} · {m.rvDecision(h.decision)} · {h.by} ({m.rvRole(h.role)}) · {shortTime(h.at)}
      </span>
      {h.note ? <span className={noteStyles.rvHistoryNote}>{h.note}</span> : null}
    </>
  );
}
