import { SearchBox } from '../search/SearchBox';
import { MOD } from '../shortcuts/keys';
import { WorkspaceShortcuts } from '../shortcuts/WorkspaceShortcuts';
import { useI18n } from '../i18n/context';
import type { CaptioningWorkspace } from './useCaptioningWorkspace';
import { ErrorLines } from '../errors/ErrorLines';
import { cx } from '../ui/cx';
import styles from './captioning.module.css';

/**
 * The bar over the grid: search, the "needs review" counter that filters to photos
 * with caption issues, the selection size, and the captioning tools.
 */
export function CaptioningBar({
  workspace,
  onLeave,
}: {
  workspace: CaptioningWorkspace;
  /** Back to the grid (after Enter or Esc in the search box). */
  onLeave: () => void;
}) {
  const { m } = useI18n();
  const { filter, selection, searchRef, flash } = workspace;
  const selected = selection.selectedFiles.length;
  return (
    <div
      className={styles.gridbar}
      role="toolbar"
      aria-label={m.gridbarLabel}
      data-testid="gridbar"
    >
      <WorkspaceShortcuts
        onTemplate={workspace.toggleTemplate}
        onSearch={() => {
          searchRef.current?.focus();
          searchRef.current?.select();
        }}
        onReplace={() => workspace.setDialog('findReplace')}
        onHelp={() => workspace.setDialog('help')}
      />
      <SearchBox
        value={filter.query}
        onChange={filter.setQuery}
        inputRef={searchRef}
        onLeave={onLeave}
      />
      <button
        type="button"
        className={cx(
          styles.chip,
          filter.issuesOnly && styles.isOn,
          filter.issueCount > 0 && styles.hasIssues,
        )}
        aria-pressed={filter.issuesOnly}
        title={filter.issuesOnly ? m.issuesFilterOff : m.issuesFilterOn}
        disabled={!filter.issuesOnly && filter.issueCount === 0}
        data-testid="issues-filter"
        onClick={filter.toggleIssues}
      >
        {filter.issueCount ? m.needsReview(filter.issueCount) : m.noIssues}
      </button>
      {selected > 1 ? (
        <span className={styles.selectionCount} data-testid="selection-count">
          {m.selectedCount(selected)}
        </span>
      ) : null}
      {flash ? (
        <span className={styles.flash} role="alert" data-testid="flash">
          <ErrorLines text={flash} />
          <button type="button" className="link-button" onClick={() => workspace.setFlash(null)}>
            {m.dismiss}
          </button>
        </span>
      ) : null}
      <span className="spacer" />
      <button
        type="button"
        className={cx('button', 'small', workspace.templateOpen && 'is-on')}
        aria-pressed={workspace.templateOpen}
        title={`${m.templateTitle} (T)`}
        data-testid="open-template"
        onClick={workspace.toggleTemplate}
      >
        {m.templateTitle}
      </button>
      <button
        type="button"
        className="button small"
        title={`${m.findTitle} (${MOD}+H)`}
        data-testid="open-find-replace"
        onClick={() => workspace.setDialog('findReplace')}
      >
        {m.findTitle}
      </button>
      <button
        type="button"
        className="button small"
        title={m.settingsTitle}
        data-testid="open-settings"
        onClick={() => workspace.setDialog('settings')}
      >
        {m.settingsTitle}
      </button>
    </div>
  );
}
