import type { CaptionIssueWire } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import { issueText } from './issue-text';
import styles from './captioning.module.css';

/** The current photo's caption checks, under the editor, so they are read while typing. */
export function CaptionChecks({ issues }: { issues: CaptionIssueWire[] }) {
  const { m } = useI18n();
  if (issues.length === 0) return null;
  return (
    <section aria-label={m.captionChecksTitle} data-testid="caption-checks">
      <h2 className="section-title">{m.captionChecksTitle}</h2>
      <ul className={styles.checksList}>
        {issues.map((issue, i) => (
          <li key={`${issue.code}-${i}`} className={styles.check} data-code={issue.code}>
            {issueText(m, issue)}
          </li>
        ))}
      </ul>
    </section>
  );
}
