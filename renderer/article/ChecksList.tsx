import type { ArticleIssue } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import { issueKey, issueText } from './issues';
import { ErrorLines } from '../errors/ErrorLines';

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
      <p className="a-error small">
        <ErrorLines text={m.checksFailed(error)} />
      </p>
    );
  if (!issues) return <p className="muted small">{m.checksPending}</p>;
  if (!issues.length)
    return (
      <p className="achecks-ok" data-testid={`${testId}-ok`}>
        ✓ {m.checksOk}
      </p>
    );
  return (
    <ul className="achecks" data-testid={testId}>
      {issues.map((issue, i) => {
        const text = issueText(m, issue);
        return (
          <li key={issueKey(issue, i)} className={`achecks-item is-${issue.code}`}>
            {onGo ? (
              <button
                type="button"
                className="achecks-go"
                data-testid="check-item"
                data-code={issue.code}
                onClick={() => onGo(issue)}
              >
                <span className="achecks-mark" aria-hidden="true">
                  !
                </span>
                {text}
              </button>
            ) : (
              <span className="achecks-go" data-testid="check-item" data-code={issue.code}>
                <span className="achecks-mark" aria-hidden="true">
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
