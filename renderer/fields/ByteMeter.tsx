import { budget, type BudgetField } from '../../common/text/byte-budget';
import { useI18n } from '../i18n/context';
import { cx } from '../ui/cx';
import styles from './fields.module.css';

/**
 * IIM limits count bytes, and a Vietnamese letter takes two or three: shown while typing.
 * A field with no IIM dataset may have a limit in characters that a standard advises.
 */
export function ByteMeter({
  field,
  value,
  testId,
}: {
  field: BudgetField;
  value: string;
  testId?: string;
}) {
  const { m } = useI18n();
  const b = budget(field, value);
  return (
    <span
      className={cx(styles.byteMeter, b.over && styles.isOver)}
      data-testid={testId}
      title={
        b.unit === 'chars'
          ? (b.over ? m.charsOverTitle : m.charsTitle)(b.limit)
          : (b.over ? m.bytesOverTitle : m.bytesTitle)(b.limit)
      }
    >
      {(b.unit === 'chars' ? m.charsMeter : m.bytesMeter)(b.used, b.limit)}
    </span>
  );
}
