import type { ReactNode } from 'react';
import { FAILING_STATES, signerLabel } from '../../common/credentials/verdict';
import type { Credentials } from '../../electron/contract/credentials';
import type { Failure } from '../api/errors';
import { useI18n } from '../i18n/context';
import { formatInstant } from '../i18n/format';
import type { Messages } from '../i18n/vi';
import { badgeOf, badgeText } from './badge';
import { actionName, problemText, relationshipName, stateText } from './describe';
import { cx } from '../ui/cx';
import styles from './credentials.module.css';

type Signer = NonNullable<Credentials['signer']>;

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function Problems({ m, problems }: { m: Messages; problems: Credentials['problems'] }) {
  return (
    <ul className={styles.problems} data-testid="cred-problems">
      {problems.map((p, i) => (
        <li key={`${p.code}\u0000${i}`}>
          <code>{p.code}</code> {problemText(m, p)}
        </li>
      ))}
    </ul>
  );
}

const signerText = (s: Signer | null) => signerLabel(s) ?? '';

/**
 * The selected photo's Content Credentials in the information panel: the verdict in
 * words, who signed and when, with which camera or program, what was recorded, and where
 * the photo came from (the ingredient chain, nearest first). A broken manifest is said
 * first and plainly, with what the validator found.
 */
export function CredentialsInfo({
  carries,
  verdict,
  failure,
}: {
  /** The scan saw a manifest store in the file. */
  carries: boolean;
  verdict: Credentials | undefined;
  failure: Failure | undefined;
}) {
  const { m, lang } = useI18n();
  const badge = badgeOf(carries, verdict, failure);
  let body: ReactNode;
  if (!carries || (verdict && verdict.state === 'none' && !verdict.error)) {
    body = (
      <p className="muted" data-testid="cred-state" data-state="none">
        {m.credStateNone}
      </p>
    );
  } else if (badge === 'pending' || badge === 'failed' || !verdict) {
    body = (
      <p className="muted" role="status" data-testid="cred-state" data-state={badge ?? ''}>
        {badge === 'failed' ? badgeText(m, 'failed', verdict, failure) : m.credChecking}
      </p>
    );
  } else {
    const bad = FAILING_STATES.has(verdict.state);
    const s = verdict.signer;
    body = (
      <>
        <p
          className={cx(styles.state, styles[verdict.state])}
          role={bad ? 'alert' : undefined}
          data-testid="cred-state"
          data-state={verdict.state}
        >
          {stateText(m, verdict.state)}
          {verdict.revokedAt ? ` · ${m.credRevokedAt(formatInstant(lang, verdict.revokedAt))}` : ''}
        </p>
        {verdict.problems.length ? (
          <div className={styles.problemBox}>
            <strong>{m.credProblemsLabel}</strong>
            <Problems m={m} problems={verdict.problems} />
          </div>
        ) : null}
        <dl className="info-list">
          {s?.name ? (
            <Row label={m.credSignerLabel} testId="cred-signer">
              {s.name}
            </Row>
          ) : null}
          {s?.organization ? (
            <Row label={m.credOrganizationLabel} testId="cred-organization">
              {s.organization}
            </Row>
          ) : null}
          {s?.issuer ? (
            <Row label={m.credIssuerLabel} testId="cred-issuer">
              {s.issuer}
            </Row>
          ) : null}
          {verdict.camera ? (
            <Row label={m.credCameraLabel} testId="cred-camera">
              {verdict.camera}
            </Row>
          ) : null}
          {verdict.generator ? (
            <Row label={m.credGeneratorLabel} testId="cred-generator">
              {verdict.generator}
            </Row>
          ) : null}
          {verdict.signedAt ? (
            <Row label={m.credSignedAtLabel} testId="cred-signed-at">
              {formatInstant(lang, verdict.signedAt)}
            </Row>
          ) : null}
        </dl>
        {verdict.actions.length ? (
          <>
            <h4 className={styles.subTitle}>{m.credActionsLabel}</h4>
            <ul className={styles.actions} data-testid="cred-actions">
              {verdict.actions.map((a, i) => (
                <li key={`${a.action}\u0000${i}`} data-action={a.action}>
                  {actionName(m, a.action)}
                  {a.description ? <span className="muted"> · {a.description}</span> : null}
                  {a.when ? <span className="muted"> · {formatInstant(lang, a.when)}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {verdict.ingredients.length ? (
          <>
            <h4 className={styles.subTitle}>{m.credIngredientsLabel}</h4>
            <ul className={styles.chain} data-testid="cred-ingredients">
              {verdict.ingredients.map((g, i) => (
                <li
                  key={i}
                  className={styles.ingredient}
                  style={{ marginLeft: `${(Math.max(1, g.depth) - 1) * 14}px` }}
                  data-depth={g.depth}
                  data-testid="cred-ingredient"
                >
                  <span className={styles.ingredientTitle}>{g.title ?? m.credUntitled}</span>{' '}
                  <span className="muted">({relationshipName(m, g.relationship)})</span>
                  {g.hasManifest ? (
                    g.signer ? (
                      <div className="small">
                        {m.credSignerLabel}: {signerText(g.signer)}
                        {g.signedAt ? ` · ${formatInstant(lang, g.signedAt)}` : ''}
                      </div>
                    ) : null
                  ) : (
                    <div className="muted small">{m.credNoOwnManifest}</div>
                  )}
                  {g.generator ? <div className="muted small">{g.generator}</div> : null}
                  {g.problems.length ? <Problems m={m} problems={g.problems} /> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>
    );
  }
  return (
    <section className={styles.credentials} data-testid="info-credentials" aria-label={m.credTitle}>
      <h3 className="section-title">{m.credTitle}</h3>
      {body}
    </section>
  );
}
