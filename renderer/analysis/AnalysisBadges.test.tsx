import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PhotoAnalysis } from '../../electron/contract/cull';
import { I18nProvider } from '../i18n/context';
import { AnalysisBadges } from './AnalysisBadges';

const soft: PhotoAnalysis = {
  file: 'A_001.jpg',
  sharpness: 38.2,
  sharpnessRank: 0.08,
  soft: true,
  highlightsClipped: 0.2,
  shadowsClipped: 0.01,
  meanLuma: 190,
  exposure: 'over',
  hash: '0000000000000000',
  stack: 'A_000.jpg',
  stackSize: 5,
  stackBest: false,
  error: null,
};
const best: PhotoAnalysis = { ...soft, file: 'A_002.jpg', hash: '000000000000000f' };

describe('<AnalysisBadges>', () => {
  it('shows Vietnamese badges whose tooltips give the numbers', () => {
    const html = renderToStaticMarkup(
      <I18nProvider>
        <AnalysisBadges analysis={soft} best={best} />
      </I18nProvider>,
    );
    expect(html).toContain('>Mềm<');
    expect(html).toContain('>Cháy sáng<');
    expect(html).toContain('>Chùm 5<');
    expect(html).toContain('Độ nét 38');
    expect(html).toContain('bằng 8%');
    expect(html).toContain('dưới 25%');
    expect(html).toContain('(≥ 250): 20.0%');
    expect(html).toContain('4/64 bit');
    expect(html).not.toContain('Nét nhất');
  });

  it('renders nothing without an analysis', () => {
    expect(
      renderToStaticMarkup(
        <I18nProvider>
          <AnalysisBadges analysis={undefined} />
        </I18nProvider>,
      ),
    ).toBe('');
  });
});
