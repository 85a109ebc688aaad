import { useEffect, useId, useState } from 'react';
import type { ApiEvent } from '../../electron/contract/api';
import type { TrustList } from '../../electron/contract/credentials';
import { useTransport } from '../api/context';
import { failureOf, type Failure } from '../api/errors';
import { FailureNote } from '../errors/FailureNote';
import { useI18n } from '../i18n/context';
import { formatInstant } from '../i18n/format';
import { PemField } from './PemField';
import styles from './settings.module.css';

type Report = { kind: 'saved' } | { kind: 'error'; failure: Failure };

/**
 * The trust list Content Credentials are judged by: a PEM bundle of root certificates
 * (and revocation lists), pasted or loaded from a file, and what the core read in it.
 * Empty by default, and then every signer is "untrusted": said here plainly.
 */
export function TrustListSection() {
  const { api, onEvent } = useTransport();
  const { m, lang } = useI18n();
  const id = useId();
  const [trust, setTrust] = useState<TrustList | null>(null);
  const [draft, setDraft] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [saving, setSaving] = useState(false);
  // What "expired" is measured against: the moment Settings opened is close enough.
  const [now] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    api.getTrustList({}).then(
      (t) => {
        if (!live) return;
        setTrust(t);
        setDraft(t.pem);
      },
      (err: unknown) => live && setReport({ kind: 'error', failure: failureOf(err) }),
    );
    // Another window (or the CLI through the core) may change it meanwhile.
    const off = onEvent((event: ApiEvent) => {
      if (event.type === 'credentialsChanged') setTrust(event.trust);
    });
    return () => {
      live = false;
      off();
    };
  }, [api, onEvent]);

  const save = () => {
    setSaving(true);
    api.setTrustList({ pem: draft.normalize('NFC') }).then(
      (t) => {
        setSaving(false);
        setTrust(t);
        setDraft(t.pem);
        setReport({ kind: 'saved' });
      },
      (err: unknown) => {
        setSaving(false);
        setReport({ kind: 'error', failure: failureOf(err) });
      },
    );
  };

  const date = (iso: string) => formatInstant(lang, iso);
  return (
    <section className={styles.settingsGroup} aria-labelledby={`${id}-t`} data-testid="trust-list">
      <h4 id={`${id}-t`} className={styles.subTitle}>
        {m.trustTitle}
      </h4>
      <p className="muted small">{m.trustHint}</p>
      {trust && trust.certificates.length === 0 ? (
        <p className="small" data-testid="trust-empty">
          {m.trustEmpty}
        </p>
      ) : null}
      {trust?.certificates.length ? (
        <table className={styles.listsTable} data-testid="trust-certificates">
          <thead>
            <tr>
              <th scope="col">{m.certSubject}</th>
              <th scope="col">{m.certIssuer}</th>
              <th scope="col">{m.certValidUntil}</th>
            </tr>
          </thead>
          <tbody>
            {trust.certificates.map((c) => (
              <tr key={c.fingerprint} title={c.fingerprint}>
                <td>{c.subject}</td>
                <td>{c.issuer}</td>
                <td className={Date.parse(c.notAfter) < now ? styles.isExpired : undefined}>
                  {date(c.notAfter)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {trust?.crls.length ? (
        <>
          <p className="small">{m.trustCrlsTitle}</p>
          <ul className="small" data-testid="trust-crls">
            {trust.crls.map((c, i) => (
              <li key={i}>{m.trustCrlLine(c.issuer, date(c.thisUpdate), c.revoked)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <PemField
        label={m.trustPemLabel}
        fileLabel={m.trustLoadFile}
        value={draft}
        onChange={(text) => {
          setDraft(text);
          setReport(null);
        }}
        onFileError={(file) =>
          setReport({ kind: 'error', failure: failureOf(m.pemFileFailed(file)) })
        }
        testId="trust-pem"
        disabled={trust === null}
      />
      <div className={styles.formRow}>
        <button
          type="button"
          className="button small primary"
          disabled={saving || trust === null}
          data-testid="trust-save"
          onClick={save}
        >
          {m.trustSave}
        </button>
        {report?.kind === 'saved' && trust ? (
          <span className="muted small" role="status" data-testid="trust-saved">
            {m.trustSaved(trust.certificates.length, trust.crls.length)}
          </span>
        ) : null}
      </div>
      {report?.kind === 'error' ? <FailureNote failure={report.failure} /> : null}
    </section>
  );
}
