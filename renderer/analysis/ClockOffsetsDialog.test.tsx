import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Photo } from '../../electron/api';
import type { Transport } from '../api/transport';
import { TransportProvider } from '../api/context';
import { I18nProvider } from '../i18n/context';
import { ClockOffsetsDialog } from './ClockOffsetsDialog';

const photo = (file: string, serial: string) =>
  ({ file, capturedAt: '2026-01-05T09:00:00Z', make: 'Canon', model: 'EOS R6', serial }) as Photo;

describe('<ClockOffsetsDialog>', () => {
  it('has one row per camera body, in Vietnamese, waiting for the saved offsets', () => {
    const transport = { api: {}, onEvent: () => () => undefined } as unknown as Transport;
    const html = renderToStaticMarkup(
      <TransportProvider transport={transport}>
        <I18nProvider>
          <ClockOffsetsDialog
            folder="/x"
            photos={[photo('a.jpg', '1'), photo('b.jpg', '1'), photo('c.jpg', '2')]}
            onClose={() => undefined}
          />
        </I18nProvider>
      </TransportProvider>,
    );
    expect(html).toContain('Chỉnh giờ máy ảnh');
    expect(html).toContain('data-testid="clock-EOS R6 #1"');
    expect(html).toContain('data-testid="clock-EOS R6 #2"');
    expect(html).toContain('2 ảnh, ảnh đầu lúc 2026-01-05T09:00:00Z');
    // Nothing can be saved before the current offsets are loaded.
    expect(html).toMatch(/<button type="submit"[^>]*disabled/);
  });
});
