import { useState } from 'react';
import type { ClientApi } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { useI18n } from '../i18n/context';
import { changes, diffRuns, type DiffPart } from './diff-model';
import { PathForm, Problems } from './PathForm';
import { CommentList } from './ReviewComments';
import { HistoryEntryHead } from './HistoryEntryHead';
import styles from './review.module.css';
import noteStyles from './notes.module.css';

type PackageDiff = Awaited<ReturnType<ClientApi['diffPackages']>>;

/** Words struck through (deleted) and highlighted (inserted); text nodes only. */
export function WordDiff({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <span className={noteStyles.rvDiff}>
      {diffRuns(parts).map((run) =>
        run.op === 'del' ? (
          <del key={run.key}>{run.text}</del>
        ) : run.op === 'ins' ? (
          <ins key={run.key}>{run.text}</ins>
        ) : (
          <span key={run.key}>{run.text}</span>
        ),
      )}
    </span>
  );
}

export function CompareVersions() {
  const { m } = useI18n();
  const { api } = useTransport();
  const [a, setA] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [diff, setDiff] = useState<PackageDiff | null>(null);

  const compare = async (b: string) => {
    setBusy(true);
    setError(null);
    try {
      setDiff(await api.diffPackages({ a, b }));
    } catch (err) {
      setDiff(null);
      setError(describeError(err, m));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.rvCompare}>
      <PathForm
        label={m.rvCompareB}
        placeholder={m.rvPathPlaceholder}
        button={busy ? m.rvComparing : m.rvCompare}
        busy={busy || !a.trim()}
        testId="review-compare"
        onSubmit={(b) => void compare(b)}
      >
        <label className={styles.rvPathA}>
          {m.rvCompareA}
          <input
            type="text"
            value={a}
            spellCheck={false}
            autoFocus
            placeholder={m.rvPathPlaceholder}
            data-testid="review-compare-a"
            onChange={(event) => setA(event.target.value)}
          />
        </label>
      </PathForm>
      {error ? <Problems message={error} testId="review-compare-error" /> : null}
      {diff ? <DiffResult diff={diff} /> : null}
    </div>
  );
}

export function DiffResult({ diff }: { diff: PackageDiff }) {
  const { m } = useI18n();
  const rows: { key: string; label: string; parts: DiffPart[] }[] = [];
  if (changes(diff.headline)) rows.push({ key: 'h', label: m.rvHeadline, parts: diff.headline! });
  if (changes(diff.sapo)) rows.push({ key: 's', label: m.rvSapo, parts: diff.sapo! });
  for (const p of diff.paragraphs)
    rows.push({
      key: `p${p.blockId}`,
      label: `${m.rvParagraph(p.blockId)} (${m.rvStatus(p.status)})`,
      parts: p.diff,
    });
  for (const g of diff.galleryCaptions)
    rows.push({
      key: `g${g.blockId}`,
      label: `${m.rvGalleryCaption(g.blockId)} (${m.rvStatus(g.status)})`,
      parts: g.diff,
    });
  for (const c of diff.captions)
    rows.push({
      key: `c${c.photoId}`,
      label: `${m.rvCaption(c.photoId)} · ${c.sourceFile}`,
      parts: c.diff,
    });
  const { photos } = diff;
  const nothing =
    !rows.length &&
    !photos.added.length &&
    !photos.removed.length &&
    !photos.reordered &&
    !diff.history.length &&
    !diff.comments.length;
  return (
    <div className={noteStyles.rvDiffResult} data-testid="review-diff">
      <p className={styles.rvMuted}>
        v{diff.a.version} {diff.a.path} → v{diff.b.version} {diff.b.path}
      </p>
      {nothing ? <p>{m.rvNoChanges}</p> : null}
      <dl className={noteStyles.rvDiffRows}>
        {rows.map((r) => (
          <div key={r.key}>
            <dt>{r.label}</dt>
            <dd>
              <WordDiff parts={r.parts} />
            </dd>
          </div>
        ))}
        {photos.added.length ? (
          <div>
            <dt>{m.rvPhotosAdded}</dt>
            <dd>
              {photos.added.map((p) => (
                <ins key={p.id}>
                  {p.id} ({p.sourceFile}){' '}
                </ins>
              ))}
            </dd>
          </div>
        ) : null}
        {photos.removed.length ? (
          <div>
            <dt>{m.rvPhotosRemoved}</dt>
            <dd>
              {photos.removed.map((p) => (
                <del key={p.id}>
                  {p.id} ({p.sourceFile}){' '}
                </del>
              ))}
            </dd>
          </div>
        ) : null}
        {photos.reordered ? (
          <div>
            <dt>{m.rvPhotosReordered}</dt>
            <dd>
              {photos.before.join(', ')} → {photos.after.join(', ')}
            </dd>
          </div>
        ) : null}
      </dl>
      {diff.history.length ? (
        <>
          <h4>{m.rvNewHistory}</h4>
          <ol className={noteStyles.rvHistory}>
            {diff.history.map((h) => (
              <li key={h.version}>
                <HistoryEntryHead entry={h} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {diff.comments.length ? (
        <>
          <h4>{m.rvNewComments}</h4>
          <CommentList comments={diff.comments} />
        </>
      ) : null}
    </div>
  );
}
