// An installed app should not behave like a web page: in release builds the web view's own context
// menu (Reload, Inspect…) and its reload keys are switched off. Text fields keep their menu, since
// cut, copy and paste live there. Debug builds keep both, for developers.

/** Whether a key press would reload the page: F5, Ctrl/⌘+R, with or without Shift. */
export function isReloadKey(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey">): boolean {
  return event.key === "F5" || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "r");
}

/** Whether a right-click on `target` may show the web view's menu: only inside editable text. */
export function allowsContextMenu(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest("input, textarea, [contenteditable='true']") !== null;
}

/** Installs the guards on `doc`; returns a function that removes them. */
export function installReleaseGuards(doc: Document = document): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (isReloadKey(event)) event.preventDefault();
  };
  const onMenu = (event: MouseEvent) => {
    if (!allowsContextMenu(event.target)) event.preventDefault();
  };
  doc.addEventListener("keydown", onKey, true);
  doc.addEventListener("contextmenu", onMenu, true);
  return () => {
    doc.removeEventListener("keydown", onKey, true);
    doc.removeEventListener("contextmenu", onMenu, true);
  };
}
