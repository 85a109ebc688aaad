/**
 * Both themes keep text readable: every text token meets WCAG AA (4.5:1) on the surfaces it
 * is drawn on, read straight from renderer/ui/tokens.css (the light set overrides the dark).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../renderer/ui/tokens.css', import.meta.url), 'utf8');
const lightAt = css.indexOf(":root[data-theme='light']");

function hexTokens(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, hex] of block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g))
    out[name!] = hex!;
  return out;
}

const dark = hexTokens(css.slice(0, lightAt));
const themes = { dark, light: { ...dark, ...hexTokens(css.slice(lightAt)) } };

function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const s = parseInt(h.slice(i, i + 2), 16) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const surfaces = ['bg', 'panel', 'panel-2', 'well', 'hover', 'surface-subtle'];
const pairs: [text: string, surface: string][] = [
  ...['text', 'text-strong', 'text-soft', 'muted', 'accent', 'ok', 'warn', 'error'].flatMap((t) =>
    surfaces.map((s): [string, string] => [t, s]),
  ),
  // A selected tile or list item holds neutral text only.
  ...['text', 'text-strong', 'text-soft', 'muted'].map((t): [string, string] => [t, 'selected']),
  ['text-faint', 'well'],
  // The format label on a tile or preview that has no picture yet.
  ['muted', 'photo-well'],
  ['info-text', 'info-bg'],
  ['error-text', 'error-bg'],
  ['warn-text', 'warn-bg'],
  ['ok-text', 'ok-bg'],
  ['note-text', 'note-bg'],
  ['error-text', 'danger-soft-bg'],
  ['on-accent', 'accent-fill'],
  ['on-accent', 'accent-fill-hover'],
  ['on-accent', 'ok-fill'],
  ['on-danger', 'danger-fill'],
  ['on-warn', 'warn-fill'],
  ['on-warn', 'clip-highlight'],
  ['text', 'clip-shadow'],
  ['text', 'surround-bar'],
  ['on-label', 'label-red'],
  ['on-label', 'label-yellow'],
  ['on-label', 'label-green'],
  ['on-label', 'label-blue'],
  ['on-label', 'label-purple'],
  ['on-label', 'label-other'],
  ['ink', 'paper'],
  ['ink-soft', 'paper'],
  ['ink-muted', 'paper'],
  ['ink-accent', 'paper'],
];

describe('theme tokens meet WCAG AA for text', () => {
  it('reads both themes from tokens.css', () => {
    expect(lightAt).toBeGreaterThan(0);
    expect(themes.light.bg).not.toBe(themes.dark.bg);
  });

  for (const [name, tokens] of Object.entries(themes)) {
    it(`${name}: every text colour is 4.5:1 or more on its surfaces`, () => {
      const low = pairs
        .map(([t, s]) => {
          const [fg, bg] = [tokens[t], tokens[s]];
          if (!fg || !bg) throw new Error(`no hex token --${fg ? s : t}`);
          return { pair: `${t} on ${s}`, ratio: Math.round(contrast(fg, bg) * 100) / 100 };
        })
        .filter((p) => p.ratio < 4.5);
      expect(low).toEqual([]);
    });
  }
});
