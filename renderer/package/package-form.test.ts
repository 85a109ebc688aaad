import { describe, expect, it } from 'vitest';
import type { Preset } from '../../electron/contract/api';
import { differs, formOf, presetOf } from './package-form';

const web: Preset = {
  name: 'Web 2048',
  longEdge: 2048,
  quality: 85,
  stripGps: true,
  naming: '{outlet}-{initials}_{fbas}',
  outlet: '',
  initials: '',
  maxNameLength: 80,
};

describe('package form', () => {
  it('round-trips a preset, the outlet and initials typed winning over the preset’s', () => {
    const form = formOf(web, 'baolaocai', 'tl');
    expect(presetOf(form)).toEqual({ ...web, outlet: 'baolaocai', initials: 'tl' });
    expect(differs(presetOf(form)!, web)).toBe(false);
  });

  it('refuses numbers out of range or cleared, and an empty name', () => {
    const form = formOf(web, '', '');
    expect(presetOf({ ...form, longEdge: '199' })).toBeNull();
    expect(presetOf({ ...form, quality: '' })).toBeNull();
    expect(presetOf({ ...form, maxNameLength: '80.5' })).toBeNull();
    expect(presetOf({ ...form, name: '  ' })).toBeNull();
  });

  it('needs the preset saved before building only when what the build uses changed', () => {
    expect(differs({ ...web, outlet: 'other' }, web)).toBe(false);
    expect(differs({ ...web, quality: 90 }, web)).toBe(true);
    expect(differs(web, undefined)).toBe(true);
  });
});
