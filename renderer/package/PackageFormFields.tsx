import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context';
import type { PackagePresets } from './usePackagePresets';
import { cx } from '../ui/cx';
import styles from './package.module.css';

/** The export preset as a form: choose, rename, edit, save. */
export function PackageFormFields({
  presets,
  disabled,
}: {
  presets: PackagePresets;
  disabled: boolean;
}) {
  const { m } = useI18n();
  const { form, saved, preset, mustSave, set } = presets;
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
      <Field label={m.pkgPresetName}>
        <input
          className={styles.pkgInput}
          data-testid="pkg-preset-name"
          value={form?.name ?? ''}
          onChange={(event) => set({ name: event.currentTarget.value })}
        />
      </Field>
      <div className={styles.pkgPair}>
        <Field label={m.pkgOutlet}>
          <input
            className={styles.pkgInput}
            data-testid="pkg-outlet"
            value={form?.outlet ?? ''}
            placeholder={m.pkgOutletPlaceholder}
            spellCheck={false}
            onChange={(event) => set({ outlet: event.currentTarget.value })}
          />
        </Field>
        <Field label={m.pkgInitials}>
          <input
            className={styles.pkgInput}
            data-testid="pkg-initials"
            value={form?.initials ?? ''}
            placeholder="tl"
            spellCheck={false}
            onChange={(event) => set({ initials: event.currentTarget.value })}
          />
        </Field>
      </div>
      <div className={styles.pkgPair}>
        <Field label={m.pkgLongEdge}>
          <input
            className={styles.pkgInput}
            type="number"
            min={200}
            max={12000}
            step={1}
            data-testid="pkg-long-edge"
            value={form?.longEdge ?? ''}
            onChange={(event) => set({ longEdge: event.currentTarget.value })}
          />
        </Field>
        <Field label={m.pkgQuality}>
          <input
            className={styles.pkgInput}
            type="number"
            min={40}
            max={100}
            step={1}
            data-testid="pkg-quality"
            value={form?.quality ?? ''}
            onChange={(event) => set({ quality: event.currentTarget.value })}
          />
        </Field>
      </div>
      <Field label={m.pkgNaming} hint={m.pkgNamingHint}>
        <input
          className={cx(styles.pkgInput, styles.mono)}
          data-testid="pkg-naming"
          value={form?.naming ?? ''}
          spellCheck={false}
          onChange={(event) => set({ naming: event.currentTarget.value })}
        />
      </Field>
      <div className={styles.pkgPair}>
        <Field label={m.pkgMaxName}>
          <input
            className={styles.pkgInput}
            type="number"
            min={16}
            max={200}
            step={1}
            value={form?.maxNameLength ?? ''}
            onChange={(event) => set({ maxNameLength: event.currentTarget.value })}
          />
        </Field>
        <label className={styles.pkgCheck}>
          <input
            type="checkbox"
            checked={form?.stripGps ?? true}
            data-testid="pkg-strip-gps"
            onChange={(event) => set({ stripGps: event.currentTarget.checked })}
          />
          {m.pkgStripGps}
        </label>
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
