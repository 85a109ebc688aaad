import type { Failure } from '../api/errors';
import { describeError } from '../errors/describe-error';
import type { Article, ArticleIssue, Tile } from '../../electron/contract/api';
import { useI18n } from '../i18n/context';
import { PackageHistoryList } from '../package/PackageHistoryList';
import type { PackageHistory } from '../package/usePackageHistory';
import { ArticlePreview } from './ArticlePreview';
import { ChecksList } from './ChecksList';
import styles from './workspace.module.css';
import preview from './preview.module.css';

interface ArticleSidePanelProps {
  article: Article | null;
  issues: ArticleIssue[] | null;
  checksError: Failure | null;
  packages: PackageHistory;
  tilesByFile: Map<string, Tile>;
  captionOf: (file: string) => string;
  onGoToIssue: (issue: ArticleIssue) => void;
  onPick: (blockId: string) => void;
}

/** Beside the editor: the checks with the packages built, and the live preview. */
export function ArticleSidePanel({
  article,
  issues,
  checksError,
  packages,
  tilesByFile,
  captionOf,
  onGoToIssue,
  onPick,
}: ArticleSidePanelProps) {
  const { m } = useI18n();
  return (
    <aside className={styles.awsRight}>
      <section className={preview.awsChecks} aria-label={m.checksTitle}>
        <h2 className="section-title">
          {m.checksTitle}
          {issues?.length ? (
            <span className={preview.achecksCount}>{m.checkCount(issues.length)}</span>
          ) : null}
        </h2>
        {article ? (
          <ChecksList
            issues={issues}
            error={checksError && describeError(checksError, m)}
            onGo={onGoToIssue}
          />
        ) : null}
        {packages.entries.length || packages.error ? (
          <PackageHistoryList history={packages} />
        ) : null}
      </section>
      <section className={preview.awsPreview} aria-label={m.previewTitle}>
        <h2 className="section-title">{m.previewTitle}</h2>
        {article ? (
          <ArticlePreview
            article={article}
            tilesByFile={tilesByFile}
            captionOf={captionOf}
            onPick={onPick}
          />
        ) : null}
      </section>
    </aside>
  );
}
