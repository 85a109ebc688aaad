/**
 * Colours live in the design tokens only (stylelint.config.mjs). This plants colour literals
 * in a feature's CSS and expects stylelint to refuse each, and the same code in tokens.css to
 * pass, so a loosened rule fails here. The renderer's real CSS must lint clean too.
 */
import path from 'node:path';
import stylelint from 'stylelint';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const configFile = path.join(root, 'stylelint.config.mjs');

async function colourErrors(file: string, code: string): Promise<string[]> {
  const { results } = await stylelint.lint({
    code,
    codeFilename: path.join(root, file),
    configFile,
  });
  return results.flatMap((r) => r.warnings.map((w) => w.rule));
}

const planted: [what: string, code: string, rule: string][] = [
  ['hex', '.x {\n  color: #fff;\n}\n', 'color-no-hex'],
  ['named', '.x {\n  background: white;\n}\n', 'color-named'],
  ['rgb()', '.x {\n  border-color: rgb(0 0 0 / 40%);\n}\n', 'function-disallowed-list'],
  ['rgba()', '.x {\n  box-shadow: 0 0 2px rgba(0, 0, 0, 0.5);\n}\n', 'function-disallowed-list'],
  ['hsl()', '.x {\n  color: hsl(0 0% 100%);\n}\n', 'function-disallowed-list'],
];

describe('stylelint keeps colours in the design tokens', () => {
  it.each(planted)(
    'refuses a planted %s colour in a feature CSS file',
    async (_what, code, rule) => {
      for (const file of ['renderer/grid/planted.css', 'renderer/outbox/Planted.module.css']) {
        expect(await colourErrors(file, code)).toContain(rule);
      }
    },
  );

  it.each(planted)('accepts a %s colour in ui/tokens.css', async (_what, code) => {
    expect(await colourErrors('renderer/ui/tokens.css', code)).toEqual([]);
  });

  it('accepts a token, a color-mix of tokens and transparent in a feature file', async () => {
    const code =
      '.x {\n  color: var(--text);\n  background: color-mix(in srgb, var(--ok) 20%, transparent);\n' +
      '  border-color: currentcolor;\n}\n';
    expect(await colourErrors('renderer/grid/planted.css', code)).toEqual([]);
  });

  it('finds no colour literal in the renderer CSS', async () => {
    const { results } = await stylelint.lint({ files: 'renderer/**/*.css', configFile, cwd: root });
    const problems = results.flatMap((r) =>
      r.warnings.map((w) => `${path.relative(root, r.source ?? '')}:${w.line} ${w.text}`),
    );
    expect(results.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
