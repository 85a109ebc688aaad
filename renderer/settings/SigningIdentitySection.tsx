import { useId, useState } from 'react';
import { useTransport } from '../api/context';
import { useSigningIdentity } from '../credentials/useSigningIdentity';
import { failureOf, type Failure } from '../api/errors';
import { FailureNote } from '../errors/FailureNote';
import { useI18n } from '../i18n/context';
import { formatInstant } from '../i18n/format';
import { useConfirm } from '../ui/ConfirmDialog';
import { PemField } from './PemField';
import styles from './settings.module.css';

type Report = { kind: 'saved' | 'cleared' } | { kind: 'error'; failure: Failure };

/**
 * The identity exported photos are signed with: what is set (whose certificate, until
 * when, where the key is kept), a form to set another from two PEM texts, and removal
 * behind a confirmation. The private key goes to the core and leaves the form at once.
 */
export function SigningIdentitySection() {
  const { api } = useTransport();
  const { m, lang } = useI18n();
  const id = useId();
  const [confirm, confirmElement] = useConfirm();
  const [certificatePem, setCertificatePem] = useState('');
  const [privateKeyPem, setPrivateKeyPem] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  // undefined: not asked yet; null: none set.
  const [identity, setIdentity] = useSigningIdentity((err) =>
    setReport({ kind: 'error', failure: failureOf(err) }),
  );
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown) => {
    setBusy(false);
    setReport({ kind: 'error', failure: failureOf(err) });
  };
  const fileFailed = (file: string) =>
    setReport({ kind: 'error', failure: failureOf(m.pemFileFailed(file)) });

  const set = () => {
    setBusy(true);
    api
      .setSigningIdentity({
        certificatePem: certificatePem.normalize('NFC'),
        privateKeyPem,
      })
      .then((i) => {
        setBusy(false);
        setIdentity(i);
        setCertificatePem('');
        setPrivateKeyPem('');
        setReport({ kind: 'saved' });
      }, fail);
  };

  const clear = async () => {
    if (!(await confirm(m.identityClearConfirm, m.identityClear))) return;
    setBusy(true);
    api.clearSigningIdentity({}).then(() => {
      setBusy(false);
      setIdentity(null);
      setReport({ kind: 'cleared' });
    }, fail);
  };

  const date = (iso: string) => formatInstant(lang, iso);
  return (
    <section
      className={styles.settingsGroup}
      aria-labelledby={`${id}-t`}
      data-testid="signing-identity"
    >
      <h4 id={`${id}-t`} className={styles.subTitle}>
        {m.identityTitle}
      </h4>
      <p className="muted small">{m.identityHint}</p>
      {identity === null ? (
        <p className="small" data-testid="identity-none">
          {m.identityNone}
        </p>
      ) : null}
      {identity ? (
        <dl className={styles.facts} data-testid="identity-current">
          <dt>{m.certSubject}</dt>
          <dd data-testid="identity-subject">{identity.certificate.subject}</dd>
          <dt>{m.certIssuer}</dt>
          <dd data-testid="identity-issuer">{identity.certificate.issuer}</dd>
          <dt>{m.certValidUntil}</dt>
          <dd
            className={identity.expired ? styles.isExpired : undefined}
            data-testid="identity-valid-until"
          >
            {date(identity.certificate.notAfter)}
            {identity.expired ? (
              <span role="alert" data-testid="identity-expired">
                {' '}
                · {m.identityExpired}
              </span>
            ) : null}
          </dd>
          <dt>{m.identityAlgorithm}</dt>
          <dd data-testid="identity-algorithm">{identity.algorithm}</dd>
          <dt>{m.identityKeyStorage}</dt>
          <dd data-testid="identity-key-storage">
            {identity.keyStorage === 'keychain' ? m.identityKeychain : m.identityFile}
          </dd>
          {identity.chain.length ? (
            <>
              <dt>{m.identityChain}</dt>
              <dd data-testid="identity-chain">
                {identity.chain.map((c) => c.subject).join(' → ')}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <PemField
        label={m.identityCertLabel}
        fileLabel={m.identityLoadCert}
        value={certificatePem}
        onChange={(text) => {
          setCertificatePem(text);
          setReport(null);
        }}
        onFileError={fileFailed}
        testId="identity-cert"
        rows={4}
      />
      <PemField
        label={m.identityKeyLabel}
        fileLabel={m.identityLoadKey}
        value={privateKeyPem}
        onChange={(text) => {
          setPrivateKeyPem(text);
          setReport(null);
        }}
        onFileError={fileFailed}
        testId="identity-key"
        rows={3}
      />
      <div className={styles.formRow}>
        <button
          type="button"
          className="button small primary"
          disabled={busy || !certificatePem.trim() || !privateKeyPem.trim()}
          data-testid="identity-set"
          onClick={set}
        >
          {m.identitySet}
        </button>
        {identity ? (
          <button
            type="button"
            className="button small danger"
            disabled={busy}
            data-testid="identity-clear"
            onClick={() => void clear()}
          >
            {m.identityClear}
          </button>
        ) : null}
        {report && report.kind !== 'error' ? (
          <span className="muted small" role="status" data-testid="identity-report">
            {report.kind === 'saved' ? m.identitySaved : m.identityCleared}
          </span>
        ) : null}
      </div>
      {report?.kind === 'error' ? <FailureNote failure={report.failure} /> : null}
      {confirmElement}
    </section>
  );
}
