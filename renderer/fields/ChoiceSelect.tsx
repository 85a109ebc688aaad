import type { ChoiceLabelsKey, FieldSpec } from '../../common/fields/catalog';
import { choiceCode } from '../../common/fields/choice';
import { useI18n } from '../i18n/context';
import { choiceLabels } from './field-defs';

interface ChoiceSelectProps {
  id: string;
  testId: string;
  choice: NonNullable<FieldSpec['choice']>;
  /** The term's URI, or '' when unset. */
  value: string;
  /** The selected photos disagree. */
  mixed: boolean;
  onChoose: (uri: string) => void;
  onBlur: () => void;
}

/**
 * A vocabulary field as a select of its terms by their labels; a term the list leaves out (a
 * file from another tool) stays shown as its code, so looking never changes it.
 */
export function ChoiceSelect({
  id,
  testId,
  choice,
  value,
  mixed,
  onChoose,
  onBlur,
}: ChoiceSelectProps) {
  const { m } = useI18n();
  const labels = choiceLabels(m, choice.labelsKey as ChoiceLabelsKey);
  const code = choiceCode(choice, value);
  const foreign = value !== '' && (code === null || !choice.codes.includes(code));
  return (
    <select
      id={id}
      className="field-input"
      data-testid={testId}
      value={mixed ? '\u0000mixed' : value}
      onChange={(e) => {
        if (e.currentTarget.value !== '\u0000mixed') onChoose(e.currentTarget.value);
      }}
      onBlur={onBlur}
    >
      {mixed ? (
        <option value={'\u0000mixed'} disabled>
          {m.mixedValues}
        </option>
      ) : null}
      <option value="">{m.choiceUnset}</option>
      {choice.codes.map((c) => (
        <option key={c} value={choice.uri + c}>
          {labels[c] ?? c}
        </option>
      ))}
      {foreign ? <option value={value}>{code ?? value}</option> : null}
    </select>
  );
}
