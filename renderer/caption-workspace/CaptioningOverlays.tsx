import { ClockDialog } from '../filter/ClockDialog';
import { FindReplaceDialog } from '../find-replace/FindReplaceDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { ShortcutSheet } from '../shortcuts/ShortcutSheet';
import { TemplatePanel } from '../template/TemplatePanel';
import type { CaptioningWorkspace } from './useCaptioningWorkspace';

/** The template drawer and the dialogs, over the workspace. */
export function CaptioningOverlays({
  workspace,
  onReturn,
}: {
  workspace: CaptioningWorkspace;
  /** Where the keyboard goes when a panel closes: the grid. */
  onReturn: () => void;
}) {
  const { folder, dialog, setDialog, selection } = workspace;
  const closeDialog = () => setDialog(null);
  return (
    <>
      {folder && workspace.templateOpen ? (
        <TemplatePanel
          key={folder}
          folder={folder}
          selectedFiles={selection.selectedFiles}
          onClose={() => {
            workspace.closeTemplate();
            onReturn();
          }}
        />
      ) : null}
      {folder && dialog === 'findReplace' ? (
        <FindReplaceDialog
          folder={folder}
          selectedFiles={selection.selectedFiles}
          beforeRun={workspace.flushCaption}
          onClose={closeDialog}
        />
      ) : null}
      {dialog === 'settings' ? <SettingsDialog onClose={closeDialog} /> : null}
      {dialog === 'help' ? <ShortcutSheet onClose={closeDialog} /> : null}
      {folder && dialog === 'clocks' ? (
        <ClockDialog
          key={folder}
          cameras={workspace.filter.cameras}
          offsets={workspace.clocks.offsets}
          current={selection.selected}
          error={workspace.clocks.error}
          onSave={workspace.clocks.save}
          onClose={() => {
            closeDialog();
            onReturn();
          }}
        />
      ) : null}
    </>
  );
}
