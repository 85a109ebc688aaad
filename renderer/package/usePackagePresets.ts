import { useEffect, useEffectEvent, useState } from 'react';
import type { Preset } from '../../electron/contract/api';
import { useTransport } from '../api/context';
import { describeError } from '../errors/describe-error';
import { useI18n } from '../i18n/context';
import { isString, readStored } from '../ui/storage';
import {
  differs,
  formOf,
  OUTLET_KEY,
  presetOf,
  PRESET_KEY,
  type PackageForm,
  type PackageNote,
} from './package-form';

/**
 * The export presets and the one being edited: loaded once per opening of the dialog,
 * starting from the preset and outlet of the last package.
 */
export function usePackagePresets(
  authorInitials: string,
  setNote: (note: PackageNote | null) => void,
) {
  const { api } = useTransport();
  const { m } = useI18n();
  const [presets, setPresets] = useState<Preset[] | null>(null);
  const [form, setForm] = useState<PackageForm | null>(null);

  const load = useEffectEvent(() => {
    let live = true;
    const outlet = readStored(OUTLET_KEY, '', isString);
    api.getPresets({}).then(
      (list) => {
        if (!live) return;
        setPresets(list);
        const last = readStored(PRESET_KEY, '', isString);
        const first = list.find((p) => p.name === last) ?? list[0];
        if (first) setForm(formOf(first, outlet, authorInitials));
      },
      (err: unknown) =>
        live && setNote({ kind: 'error', text: m.pkgPresetsFailed(describeError(err, m)) }),
    );
    return () => {
      live = false;
    };
  });
  // Once per opening: the dialog is mounted for one packaging session.
  useEffect(() => load(), []);

  const preset = form ? presetOf(form) : null;
  const saved = presets?.find((p) => p.name === form?.name.trim());
  const mustSave = preset !== null && differs(preset, saved);

  const set = (patch: Partial<PackageForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  const choosePreset = (name: string) => {
    const p = presets?.find((x) => x.name === name);
    if (p && form) setForm(formOf(p, form.outlet, form.initials));
    setNote(null);
  };

  const savePreset = async () => {
    if (!preset) {
      setNote({ kind: 'error', text: m.pkgBadNumber });
      return;
    }
    try {
      setPresets(await api.savePreset({ preset }));
      setNote({ kind: 'info', text: m.pkgPresetSaved(preset.name) });
    } catch (err) {
      setNote({ kind: 'error', text: m.pkgPresetFailed(describeError(err, m)) });
    }
  };

  /** Before a build: buildPackage takes a preset by name, so an edited one is saved first. */
  const saveIfChanged = async () => {
    if (mustSave && preset) setPresets(await api.savePreset({ preset }));
  };

  return { presets, form, preset, saved, mustSave, set, choosePreset, savePreset, saveIfChanged };
}

export type PackagePresets = ReturnType<typeof usePackagePresets>;
