/**
 * The UI's language as the shell knows it. The renderer says it at start and on every
 * switch; it is also kept in the app's data folder, so that the next start's error box
 * (shown before any page has loaded) speaks it too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/fs/atomic-write';
import { DEFAULT_SHELL_LANG, isShellLang, type ShellLang } from './shell-texts';

const FILE = 'ui-language';

export function readSavedLanguage(dataDir: string): ShellLang {
  try {
    const saved = readFileSync(path.join(dataDir, FILE), 'utf8').trim();
    return isShellLang(saved) ? saved : DEFAULT_SHELL_LANG;
  } catch {
    return DEFAULT_SHELL_LANG;
  }
}

export async function saveLanguage(dataDir: string, lang: ShellLang): Promise<void> {
  // A failure costs only the next start's error box its language.
  await writeFileAtomic(path.join(dataDir, FILE), lang).catch(() => undefined);
}
