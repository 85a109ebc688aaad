import type { Folder, Tile } from '../../electron/contract/api';
import { isCaptioned } from '../grid/Tile';
import { useI18n } from '../i18n/context';
import { OutboxButton } from '../outbox/OutboxButton';
import { IngestButton } from '../ingest/IngestButton';
import { LanguageSwitch } from './LanguageSwitch';
import { OpenFolder } from './OpenFolder';

interface ToolbarProps {
  folder: Folder | null;
  tiles: Tile[];
  onOpen: (path: string) => void;
}

export function Toolbar({ folder, tiles, onOpen }: ToolbarProps) {
  const { m } = useI18n();
  const captioned = tiles.filter(isCaptioned).length;
  return (
    <header className="toolbar">
      <span className="brand">{m.appName}</span>
      <OpenFolder key={folder?.path ?? ''} currentPath={folder?.path ?? null} onOpen={onOpen} />
      {folder ? (
        <div className="folder-summary">
          <span className="folder-name" title={folder.path} data-testid="folder-name">
            {folder.name}
          </span>
          {folder.isSample ? (
            <span className="badge" data-testid="sample-badge">
              {m.sampleBadge}
            </span>
          ) : null}
          <span className="muted" data-testid="photo-count">
            {m.photoCount(tiles.length)}
          </span>
          <span className="muted">{m.captionedCount(captioned, tiles.length)}</span>
        </div>
      ) : null}
      <span className="spacer" />
      <IngestButton folder={folder?.path ?? null} onOpen={onOpen} />
      <OutboxButton folder={folder?.path ?? null} />
      <LanguageSwitch />
    </header>
  );
}
