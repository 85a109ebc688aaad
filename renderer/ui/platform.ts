export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Ctrl on Windows and Linux, ⌘ on a Mac. */
export const modKey = (event: { ctrlKey: boolean; metaKey: boolean }) =>
  isMac ? event.metaKey : event.ctrlKey;

export const modLabel = isMac ? '⌘' : 'Ctrl';
