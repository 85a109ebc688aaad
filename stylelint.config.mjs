/**
 * CSS lint: colours come from the design tokens (renderer/ui/tokens.css) and nowhere else,
 * so both themes stay whole. A small explicit rule set rather than stylelint-config-standard,
 * whose formatting rules would rename and reorder much of the CSS for no user-visible gain.
 */
const literalColours = {
  'color-no-hex': true,
  'color-named': 'never',
  'function-disallowed-list': ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch'],
};

/** @type {import('stylelint').Config} */
export default {
  rules: {
    ...literalColours,
    'color-no-invalid-hex': true,
    'custom-property-no-missing-var-function': true,
    'declaration-block-no-duplicate-properties': [true, { ignore: ['consecutive-duplicates'] }],
    'block-no-empty': true,
    'no-invalid-double-slash-comments': true,
    'property-no-unknown': [true, { ignoreProperties: ['composes'] }],
    'unit-no-unknown': true,
    'string-no-newline': true,
    'function-calc-no-unspaced-operator': true,
    'selector-pseudo-element-no-unknown': true,
    'selector-pseudo-class-no-unknown': [true, { ignorePseudoClasses: ['global', 'local'] }],
    'at-rule-no-unknown': true,
  },
  overrides: [
    {
      files: ['renderer/ui/tokens.css', '**/renderer/ui/tokens.css'],
      rules: { 'color-no-hex': null, 'color-named': null, 'function-disallowed-list': null },
    },
  ],
};
