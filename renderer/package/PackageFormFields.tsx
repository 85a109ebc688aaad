import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import type { PackagePresets } from './usePackagePresets';
import type { PackageForm } from './package-form';
import { CheckLine } from '../ui/CheckLine';
import { cx } from '../ui/cx';
import styles from './package.module.css';

type TextKey = Exclude<keyof PackageForm, 'stripGps'>;

/** The export preset as a form: choose, rename, edit, save; `children`, this package's own options. */
export function PackageFormFields({
  presets,
  disabled,
  children,
}: {
  presets: PackagePresets;
  disabled: boolean;
  children?: ReactNode;
}) {
  const { m } = useI18n();
  const { form, saved, preset, mustSave, set } = presets;
  /** One text or whole-number box of the form; `code` marks values that are not prose (no spell check). */
  const input = (
    key: TextKey,
    opts: {
      testId?: string;
      placeholder?: string;
      code?: boolean;
      mono?: boolean;
      range?: [number, number];
    },
  ) => (
    <input
      className={opts.mono ? cx(styles.pkgInput, styles.mono) : styles.pkgInput}
      {...(opts.range ? { type: 'number', min: opts.range[0], max: opts.range[1], step: 1 } : {})}
      data-testid={opts.testId}
      value={form?.[key] ?? ''}
      placeholder={opts.placeholder}
      spellCheck={opts.code ? false : undefined}
      onChange={(event) => set({ [key]: event.currentTarget.value })}
    />
  );
  return (
    <fieldset className={styles.pkgForm} disabled={disabled || !form}>
      <Field label={m.pkgPreset}>
        <select
          className={cx('select', styles.pkgInput)}
          data-testid="pkg-preset"
          value={saved?.name ?? ''}
          onChange={(event) => presets.choosePreset(event.currentTarget.value)}
        >
          {saved ? null : <option value="">{form?.name ?? ''}</option>}
          {presets.presets?.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={m.pkgPresetName}>{input('name', { testId: 'pkg-preset-name' })}</Field>
      <div className={styles.pkgPair}>
        <Field label={m.pkgOutlet}>
          {input('outlet', {
            testId: 'pkg-outlet',
            placeholder: m.pkgOutletPlaceholder,
            code: true,
          })}
        </Field>
        <Field label={m.pkgInitials}>
          {input('initials', { testId: 'pkg-initials', placeholder: 'tl', code: true })}
        </Field>
      </div>
      <div className={styles.pkgPair}>
        <Field label={m.pkgLongEdge}>
          {input('longEdge', { testId: 'pkg-long-edge', range: [200, 12000] })}
        </Field>
        <Field label={m.pkgQuality}>
          {input('quality', { testId: 'pkg-quality', range: [40, 100] })}
        </Field>
      </div>
      <Field label={m.pkgNaming} hint={m.pkgNamingHint}>
        {input('naming', { testId: 'pkg-naming', code: true, mono: true })}
      </Field>
      <div className={styles.pkgPair}>
        <Field label={m.pkgMaxName}>{input('maxNameLength', { range: [16, 200] })}</Field>
        <CheckLine
          className={styles.pkgCheck}
          checked={form?.stripGps ?? true}
          testId="pkg-strip-gps"
          onChange={(stripGps) => set({ stripGps })}
        >
          {m.pkgStripGps}
        </CheckLine>
      </div>
      <div className={styles.pkgRow}>
        <button
          type="button"
          className="button small"
          data-testid="pkg-save-preset"
          onClick={() => void presets.savePreset()}
        >
          {m.pkgSavePreset}
        </button>
        {mustSave && preset ? (
          <span className="muted small">{m.pkgPresetModified(preset.name)}</span>
        ) : null}
      </div>
      {children}
    </fieldset>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className={styles.pkgField}>
      <span className={styles.pkgLabel}>{label}</span>
      {children}
      {hint ? <span className={styles.pkgHint}>{hint}</span> : null}
    </label>
  );
}
