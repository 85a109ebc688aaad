import { Modal } from '../ui/Modal';
import { useI18n } from '../i18n/context';
import { shortcutGroups } from './shortcut-list';

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { m } = useI18n();
  return (
    <Modal title={m.shortcutsTitle} onClose={onClose} testId="shortcut-sheet" className="is-wide">
      <div className="modal-body sheet">
        {shortcutGroups(m).map((group) => (
          <section key={group.title} className="sheet-group">
            <h3 className="section-title">{group.title}</h3>
            <dl className="sheet-list">
              {group.keys.map(([keys, what]) => (
                <div key={keys} className="sheet-row">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
