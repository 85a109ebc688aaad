import {
  useCallback,
  useEffect,
  useId,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
} from 'react';
import type { Tile } from '../../electron/contract/api';
import { normalizeField } from '../caption-editor/nfc';
import { useI18n } from '../i18n/context';
import { ByteMeter } from './ByteMeter';
import { commonValue, MIXED } from './common-value';
import { ChoiceSelect } from './ChoiceSelect';
import {
  fieldInput,
  fieldLabel,
  isShown,
  measured,
  PHOTO_FIELDS,
  readField,
  type EditableField,
} from './field-defs';
import type { FieldsSaver } from './fields-saver';
import { SaveStatusLine } from '../caption-editor/SaveStatusLine';
import styles from './fields.module.css';

interface FieldsEditorProps {
  folder: string;
  /** The selected photos; edits go to all of them. */
  tiles: Tile[];
  saver: FieldsSaver;
}

type Editing = { name: EditableField; value: string } | null;

/**
 * The IPTC fields of the selection. Mounted per selection (keyed by its files), so a
 * draft always belongs to the photos it was typed for. The focused field shows what is
 * typed; the others show the photos' values, so an applied template appears at once.
 */
export function FieldsEditor({ folder, tiles, saver }: FieldsEditorProps) {
  const { m } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState<Editing>(null);
  const status = useSyncExternalStore(
    saver.subscribe,
    useCallback(() => saver.statusOf(), [saver]),
  );
  const files = tiles.map((t) => t.file);

  useEffect(() => () => void saver.flush(), [saver]);

  const change = (
    name: EditableField,
    event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>,
  ) => {
    const composing = (event.nativeEvent as InputEvent).isComposing === true;
    const value = composing ? event.currentTarget.value : normalizeField(event.currentTarget);
    setEditing({ name, value });
    saver.schedule(folder, files, fieldInput(name, value));
  };

  /** A pick from a list is whole at once: saved now, not after typing pauses. */
  const choose = (name: EditableField, value: string) => {
    setEditing({ name, value });
    saver.schedule(folder, files, fieldInput(name, value));
    void saver.flush();
  };

  const valuesOf = (name: EditableField) =>
    editing?.name === name ? [editing.value] : tiles.map((t) => readField(t, name));

  const leave = (name: EditableField) => {
    void saver.flush().then(() => setEditing((e) => (e?.name === name ? null : e)));
  };

  return (
    <details className={styles.fields} open data-testid="fields-editor">
      <summary className="section-head">
        <span className="section-title">{m.fieldsTitle}</span>
        <SaveStatusLine status={status} testId={null} />
      </summary>
      {tiles.length > 1 ? (
        <p className={styles.fieldsScope} data-testid="fields-scope">
          {m.fieldsScope(tiles.length)}
        </p>
      ) : null}
      <div className={styles.fieldsGrid}>
        {PHOTO_FIELDS.map((def) => {
          if (!isShown(def, valuesOf)) return null;
          const common = commonValue(tiles, (t) => readField(t, def.name));
          const mine = editing?.name === def.name ? editing.value : null;
          const value = mine ?? (common === MIXED ? '' : common);
          const inputId = `${id}-${def.name}`;
          const props = {
            id: inputId,
            className: 'field-input',
            'data-testid': `field-${def.name}`,
            value,
            lang: 'vi',
            spellCheck: false,
            placeholder: common === MIXED && mine === null ? m.mixedValues : undefined,
            onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
              change(def.name, e),
            onCompositionEnd: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
              const v = normalizeField(e.currentTarget);
              setEditing({ name: def.name, value: v });
              saver.schedule(folder, files, fieldInput(def.name, v));
            },
            onBlur: () => leave(def.name),
          };
          return (
            <div key={def.name} className={styles.fieldRow}>
              <label htmlFor={inputId} className="field-label">
                {fieldLabel(m, def.name)}
              </label>
              {def.choice ? (
                <ChoiceSelect
                  id={inputId}
                  testId={`field-${def.name}`}
                  choice={def.choice}
                  value={value}
                  mixed={common === MIXED && mine === null}
                  onChoose={(v) => choose(def.name, v)}
                  onBlur={() => leave(def.name)}
                />
              ) : def.multiline ? (
                <textarea rows={2} {...props} />
              ) : (
                <input type="text" {...props} />
              )}
              {def.budget === null || (common === MIXED && mine === null) ? (
                <span className={styles.byteMeter} />
              ) : (
                <ByteMeter
                  field={def.budget}
                  value={measured(def.name, value)}
                  testId={`field-${def.name}-bytes`}
                />
              )}
            </div>
          );
        })}
      </div>
    </details>
  );
}
