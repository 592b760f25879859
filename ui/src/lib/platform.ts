// Keyboard shortcuts as each system writes them: ⌘F on a Mac, Ctrl+F elsewhere. The web view's user
// agent says which system it runs on (WebKit on macOS reports "Macintosh").
export const isMac = (userAgent: string = navigator.userAgent): boolean => /Macintosh|Mac OS X/.test(userAgent);

/** The label of the platform's command key with `key`: "⌘E" or "Ctrl+E". */
export function shortcut(key: string, userAgent?: string): string {
  return isMac(userAgent) ? `⌘${key}` : `Ctrl+${key}`;
}

/** The label of a click with the command key held: "⌘-click" or "Ctrl-click". */
export function modifierClick(userAgent?: string): string {
  return isMac(userAgent) ? "⌘-click" : "Ctrl-click";
}
