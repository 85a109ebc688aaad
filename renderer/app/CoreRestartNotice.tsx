import { useEffect, useState } from 'react';
import type { Autosaver } from '../caption-editor/autosaver';
import { useTransport } from '../api/context';
import { useI18n } from '../i18n/context';

interface Restart {
  restarts: number;
  quarantined: string[];
}

/**
 * When the core process crashed and was started again: say so in plain words, and send
 * the caption text that was being saved at that moment again (the editor kept it).
 */
export function CoreRestartNotice({ autosaver }: { autosaver: Autosaver }) {
  const { onEvent } = useTransport();
  const { m } = useI18n();
  const [restart, setRestart] = useState<Restart | null>(null);
  useEffect(
    () =>
      onEvent((event) => {
        if (event.type !== 'coreRestarted') return;
        setRestart({ restarts: event.restarts, quarantined: event.quarantined });
        void autosaver.flush();
      }),
    [onEvent, autosaver],
  );
  if (!restart) return null;
  return (
    <div className="notices">
      <p className="notice is-error" role="alert" data-testid="core-restarted">
        <span>
          {m.coreRestarted}
          {restart.quarantined.length ? ` ${m.coreQuarantined(restart.quarantined)}` : ''}
        </span>
        <button type="button" className="button small" onClick={() => setRestart(null)}>
          {m.dismiss}
        </button>
      </p>
    </div>
  );
}
