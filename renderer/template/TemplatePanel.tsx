import { useCallback, useEffect, useEffectEvent, useId, useRef, type ChangeEvent } from 'react';
import { normalizeField } from '../caption-editor/nfc';
import { ByteMeter } from '../fields/ByteMeter';
import { ChoiceSelect } from '../fields/ChoiceSelect';
import { joinList } from '../fields/common-value';
import { fieldLabel, measured } from '../fields/field-defs';
import { useI18n } from '../i18n/context';
import { isEditable } from '../shortcuts/keys';
import type { Messages } from '../i18n/vi';
import {
  eventOf,
  TEMPLATE_ROWS,
  withApply,
  withField,
  withKeywords,
  type TemplateFieldName,
} from './template-form';
import { TemplateLibrary } from './TemplateLibrary';
import { useEventTemplate, type TemplateNote } from './useEventTemplate';
import { ButtonRow } from '../ui/ButtonRow';
import { CheckLine } from '../ui/CheckLine';
import { TextBox } from '../ui/TextBox';
import { cx } from '../ui/cx';
import styles from './template.module.css';
import type { Failure } from '../api/errors';
import { describeError, explainError } from '../errors/describe-error';
import { ErrorLines } from '../errors/ErrorLines';
import { CrossButton } from '../ui/CrossButton';
import { timeZoneNames } from '../../common/time/time-zone';

interface TemplatePanelProps {
  folder: string;
  /** The grid's selection, for "apply to selection". */
  selectedFiles: string[];
  onClose: () => void;
  /** Photos were written: the grid re-reads them. */
}

const text = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
  const composing = (e.nativeEvent as InputEvent).isComposing === true;
  return composing ? e.currentTarget.value : normalizeField(e.currentTarget);
};

function noteText(m: Messages, note: TemplateNote): string {
  switch (note.kind) {
    case 'saved':
      return m.templateSaved(note.updated);
    case 'applied':
      return note.failed.length
        ? m.templateAppliedFailed(
            note.count,
            note.failed.map((f) => explainError(f, m).text).join(' '),
          )
        : m.templateApplied(note.count);
    case 'loaded':
      return m.templateLoaded(note.name);
    case 'stored':
      return m.templateStored(note.name);
    case 'deleted':
      return m.templateDeleted(note.name);
    case 'error':
      return m.templateError(describeError(note.failure, m));
  }
}

/**
 * The event template ("Mẫu sự kiện", key T): the shared caption and the fields every
 * photo of the event gets, each with its own "apply" box, as in Photo Mechanic.
 * Closing it saves it, so nothing typed here is lost.
 */
export function TemplatePanel({ folder, selectedFiles, onClose }: TemplatePanelProps) {
  const { m } = useI18n();
  const id = useId();
  const t = useEventTemplate(folder);
  const { form, setForm, setNote, dirty, busy, note, save, apply } = t;
  const firstRef = useRef<HTMLInputElement>(null);
  const onError = useCallback((failure: Failure) => setNote({ kind: 'error', failure }), [setNote]);

  const loaded = form !== null;
  useEffect(() => {
    if (loaded) firstRef.current?.focus();
  }, [loaded]);

  const close = async () => {
    if (dirty && !(await save())) return;
    onClose();
  };

  // On the window, not the panel: a button that turned disabled while saving has
  // dropped the focus to the page, and Esc must still close the panel, from the grid too.
  const panelRef = useRef<HTMLElement>(null);
  const onKey = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
    // Typing elsewhere (the caption, the search box) keeps its own Esc.
    const active = document.activeElement;
    if (!panelRef.current?.contains(active) && isEditable(active)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      void close();
    } else if (event.key.toLowerCase() === 's' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!form) {
    return (
      <aside
        className={styles.drawer}
        aria-label={m.templateTitle}
        data-testid="template-panel"
        ref={panelRef}
      >
        <header className={styles.drawerHead}>
          <h2 className={styles.drawerTitle}>{m.templateTitle}</h2>
        </header>
        <p className={cx('muted', styles.drawerNote)}>
          <ErrorLines text={note ? noteText(m, note) : m.templateLoading} />
        </p>
      </aside>
    );
  }

  const tpl = form.event.template;
  const applyBox = (name: TemplateFieldName | 'caption' | 'keywords', label: string) => (
    <input
      type="checkbox"
      className={styles.applyBox}
      checked={tpl[name].apply}
      aria-label={m.applyField(label)}
      title={m.applyField(label)}
      data-testid={`tpl-${name}-apply`}
      onChange={(e) => setForm(withApply(form, name, e.currentTarget.checked))}
    />
  );

  return (
    <aside
      className={styles.drawer}
      aria-labelledby={`${id}-title`}
      data-testid="template-panel"
      ref={panelRef}
    >
      <header className={styles.drawerHead}>
        <h2 id={`${id}-title`} className={styles.drawerTitle}>
          {m.templateTitle}
        </h2>
        <span
          className={cx(styles.drawerState, dirty && styles.isDirty)}
          data-testid="template-state"
        >
          {busy
            ? m.saving
            : dirty
              ? m.templateUnsaved
              : form.event.templateName
                ? form.event.templateName
                : ''}
        </span>
        <CrossButton label={m.closeSaves} onClick={() => void close()} />
      </header>
      <div className={styles.drawerBody}>
        <TemplateLibrary
          current={form.event.templateName}
          template={eventOf(form).template}
          onLoad={(name, template) => {
            setForm({
              ...form,
              event: { ...form.event, template, templateName: name },
              keywords: joinList(template.keywords.value),
            });
            setNote({ kind: 'loaded', name });
          }}
          onStored={(name) => {
            const next = { ...form, event: { ...form.event, templateName: name } };
            setForm(next);
            void save(next).then(() => setNote({ kind: 'stored', name }));
          }}
          onDeleted={(name) => {
            if (form.event.templateName === name)
              setForm({ ...form, event: { ...form.event, templateName: null } });
            setNote({ kind: 'deleted', name });
          }}
          onError={onError}
        />

        <div className={cx(styles.tplRow, styles.isWide)}>
          <TextBox
            inputRef={firstRef}
            id={`${id}-event`}
            label={m.templateEventName}
            placeholder={m.templateEventPlaceholder}
            testId="tpl-event"
            value={tpl.event}
            onChange={(e) =>
              setForm({ ...form, event: { ...form.event, template: { ...tpl, event: text(e) } } })
            }
          />
        </div>

        <div className={cx(styles.tplRow, styles.isWide)}>
          <label htmlFor={`${id}-zone`} className="field-label">
            {m.eventTimeZone}
          </label>
          <select
            id={`${id}-zone`}
            className="field-input"
            title={m.eventTimeZoneHint}
            data-testid="tpl-time-zone"
            value={form.event.timeZone}
            onChange={(e) =>
              setForm({ ...form, event: { ...form.event, timeZone: e.currentTarget.value } })
            }
          >
            {timeZoneNames(form.event.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </div>

        <fieldset className={styles.tplCaption}>
          <legend className="field-label">
            {applyBox('caption', m.templateSharedCaption)} {m.templateSharedCaption}
          </legend>
          <textarea
            className="field-input"
            rows={3}
            lang="vi"
            spellCheck={false}
            aria-label={m.templateSharedCaption}
            placeholder={m.templateSharedCaptionPlaceholder}
            data-testid="tpl-caption"
            value={tpl.caption.value}
            onChange={(e) => setForm(withField(form, 'caption', text(e)))}
          />
          <div className={styles.tplCaptionFoot}>
            <div role="radiogroup" aria-label={m.ownTextPosition} className={styles.radios}>
              <span className="muted">{m.ownTextPosition}</span>
              {(['before', 'after'] as const).map((pos) => (
                <label key={pos} className={styles.radio}>
                  <input
                    type="radio"
                    name={`${id}-pos`}
                    checked={form.event.ownTextPosition === pos}
                    data-testid={`tpl-own-${pos}`}
                    onChange={() =>
                      setForm({ ...form, event: { ...form.event, ownTextPosition: pos } })
                    }
                  />
                  {pos === 'before' ? m.ownTextBefore : m.ownTextAfter}
                </label>
              ))}
            </div>
            <ByteMeter field="caption" value={tpl.caption.value} />
          </div>
        </fieldset>

        <div className={styles.tplGrid}>
          {TEMPLATE_ROWS.map((row) => {
            const label = fieldLabel(m, row.name);
            const inputId = `${id}-${row.name}`;
            const props = {
              id: inputId,
              className: 'field-input',
              lang: 'vi',
              spellCheck: false,
              'data-testid': `tpl-${row.name}`,
              value: tpl[row.name].value,
              placeholder:
                row.placeholder === 'date'
                  ? m.datePlaceholder
                  : row.placeholder === 'countryCode'
                    ? 'VNM'
                    : undefined,
              onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
                setForm(withField(form, row.name, text(e))),
            };
            return (
              <div key={row.name} className={styles.tplRow}>
                {applyBox(row.name, label)}
                <label htmlFor={inputId} className="field-label">
                  {label}
                </label>
                {row.choice ? (
                  <ChoiceSelect
                    id={inputId}
                    testId={`tpl-${row.name}`}
                    choice={row.choice}
                    value={tpl[row.name].value}
                    mixed={false}
                    onChoose={(v) => setForm(withField(form, row.name, v))}
                    onBlur={() => undefined}
                  />
                ) : row.multiline ? (
                  <textarea rows={2} {...props} />
                ) : (
                  <input type="text" {...props} />
                )}
                {row.budget ? (
                  <ByteMeter
                    field={row.budget}
                    value={measured(row.name, tpl[row.name].value)}
                    testId={`tpl-${row.name}-bytes`}
                  />
                ) : (
                  <span />
                )}
              </div>
            );
          })}
          <div className={styles.tplRow}>
            {applyBox('keywords', m.fieldKeywords)}
            <TextBox
              id={`${id}-keywords`}
              label={m.fieldKeywords}
              placeholder={m.keywordsPlaceholder}
              testId="tpl-keywords"
              value={form.keywords}
              onChange={(e) => setForm(withKeywords(form, text(e)))}
            />
            <ByteMeter
              field="keywords"
              value={measured('keywords', form.keywords)}
              testId="tpl-keywords-bytes"
            />
          </div>
        </div>

        <CheckLine
          className="check-line"
          checked={form.event.autoApply}
          testId="tpl-auto-apply"
          onChange={(autoApply) => setForm({ ...form, event: { ...form.event, autoApply } })}
        >
          {m.autoApply}
        </CheckLine>
      </div>
      <footer className={styles.drawerFoot}>
        <p
          className={cx(
            styles.drawerNote,
            note?.kind === 'error' && styles.isError,
            !note && dirty && styles.isHint,
          )}
          role="status"
          data-testid="template-note"
        >
          <ErrorLines text={note ? noteText(m, note) : dirty ? m.templateSaveHint : ''} />
        </p>
        <ButtonRow
          className={styles.drawerActions}
          buttons={[
            {
              label: m.templateSave,
              onClick: () => void save(),
              testId: 'template-save',
              disabled: busy || !dirty,
            },
            {
              label: m.applyToSelection(selectedFiles.length),
              onClick: () => void apply(selectedFiles),
              primary: true,
              testId: 'template-apply-selection',
              disabled: busy || selectedFiles.length === 0,
            },
            {
              label: m.applyToAll,
              onClick: () => void apply(null),
              testId: 'template-apply-all',
              disabled: busy,
            },
          ]}
        />
      </footer>
    </aside>
  );
}
