import type { ArticleIssue } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import { issueKey, issueText } from './issues';
import { ErrorLines } from '../errors/ErrorLines';
import { cx } from '../ui/cx';
import styles from './preview.module.css';
import shared from './workspace.module.css';

interface ChecksListProps {
  issues: ArticleIssue[] | null;
  error: string | null;
  onGo?: (issue: ArticleIssue) => void;
  testId?: string;
}

/** The article's checks; each one, when it can be, is a button to its place. */
export function ChecksList({ issues, error, onGo, testId = 'checks' }: ChecksListProps) {
  const { m } = useI18n();
  if (error)
    return (
      <p className={cx(shared.aError, 'small')}>
        <ErrorLines text={m.checksFailed(error)} />
      </p>
    );
  if (!issues) return <p className="muted small">{m.checksPending}</p>;
  if (!issues.length)
    return (
      <p className={styles.achecksOk} data-testid={`${testId}-ok`}>
        ✓ {m.checksOk}
      </p>
    );
  return (
    <ul className={styles.achecks} data-testid={testId}>
      {issues.map((issue, i) => {
        const text = issueText(m, issue);
        return (
          <li
            key={issueKey(issue, i)}
            className={cx(
              styles.achecksItem,
              issue.code === 'missingPhoto' && styles.isMissingPhoto,
            )}
          >
            {onGo ? (
              <button
                type="button"
                className={styles.achecksGo}
                data-testid="check-item"
                data-code={issue.code}
                onClick={() => onGo(issue)}
              >
                <span className={styles.achecksMark} aria-hidden="true">
                  !
                </span>
                {text}
              </button>
            ) : (
              <span className={styles.achecksGo} data-testid="check-item" data-code={issue.code}>
                <span className={styles.achecksMark} aria-hidden="true">
                  !
                </span>
                {text}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
