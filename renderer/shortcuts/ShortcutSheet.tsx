import { Modal } from '../ui/Modal';
import { useI18n } from '../i18n/context';
import { shortcutGroups } from './shortcut-list';
import { cx } from '../ui/cx';
import styles from './ShortcutSheet.module.css';

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { m } = useI18n();
  return (
    <Modal title={m.shortcutsTitle} onClose={onClose} testId="shortcut-sheet" className="is-wide">
      <div className={cx('modal-body', styles.sheet)}>
        {shortcutGroups(m).map((group) => (
          <section key={group.title}>
            <h3 className="section-title">{group.title}</h3>
            <dl className={styles.sheetList}>
              {group.keys.map(([keys, what]) => (
                <div key={keys} className={styles.sheetRow}>
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
