import type { Preset } from '../../electron/contract/api';

/** The preset being edited; numbers stay text until checked, so a field can be cleared. */
export interface PackageForm {
  name: string;
  outlet: string;
  initials: string;
  longEdge: string;
  quality: string;
  stripGps: boolean;
  naming: string;
  maxNameLength: string;
}

/** Outlet and preset of the last package: a reporter works for one paper. */
export const OUTLET_KEY = 'captiondesk.outlet';
export const PRESET_KEY = 'captiondesk.preset';

export function formOf(preset: Preset, outlet: string, initials: string): PackageForm {
  return {
    name: preset.name,
    outlet: outlet || preset.outlet,
    initials: initials || preset.initials,
    longEdge: String(preset.longEdge),
    quality: String(preset.quality),
    stripGps: preset.stripGps,
    naming: preset.naming,
    maxNameLength: String(preset.maxNameLength),
  };
}

export const intIn = (s: string, min: number, max: number): number | null => {
  const n = Number(s);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The form as a preset, or null when a number is out of range. */
export function presetOf(form: PackageForm): Preset | null {
  const longEdge = intIn(form.longEdge, 200, 12000);
  const quality = intIn(form.quality, 40, 100);
  const maxNameLength = intIn(form.maxNameLength, 16, 200);
  if (longEdge === null || quality === null || maxNameLength === null) return null;
  if (!form.name.trim() || !form.naming.trim()) return null;
  return {
    name: form.name.trim(),
    longEdge,
    quality,
    stripGps: form.stripGps,
    naming: form.naming.trim(),
    outlet: form.outlet.trim(),
    initials: form.initials.trim(),
    maxNameLength,
  };
}

/** Whether building needs the preset saved first: what buildPackage cannot take directly. */
export function differs(a: Preset, saved: Preset | undefined): boolean {
  if (!saved) return true;
  return (
    a.longEdge !== saved.longEdge ||
    a.quality !== saved.quality ||
    a.stripGps !== saved.stripGps ||
    a.naming !== saved.naming ||
    a.maxNameLength !== saved.maxNameLength
  );
}

/** A line under the form: what was saved, or what went wrong. */
export interface PackageNote {
  kind: 'info' | 'error';
  text: string;
}
