// What release builds keep the browser from doing (reload, context menu) and the platform's shortcuts.
import { describe, expect, it } from "vitest";
import { allowsContextMenu, installReleaseGuards, isReloadKey } from "./releaseGuards";
import { modifierClick, shortcut } from "./platform";

const MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
const WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Edg/131.0";

describe("release guards", () => {
  it("knows the reload keys", () => {
    expect(isReloadKey({ key: "F5", ctrlKey: false, metaKey: false })).toBe(true);
    expect(isReloadKey({ key: "r", ctrlKey: true, metaKey: false })).toBe(true);
    expect(isReloadKey({ key: "R", ctrlKey: false, metaKey: true })).toBe(true);
    expect(isReloadKey({ key: "r", ctrlKey: false, metaKey: false })).toBe(false);
    expect(isReloadKey({ key: "e", ctrlKey: true, metaKey: false })).toBe(false);
  });

  it("keeps the menu in text fields only", () => {
    const input = document.createElement("input");
    const cell = document.createElement("div");
    expect(allowsContextMenu(input)).toBe(true);
    expect(allowsContextMenu(cell)).toBe(false);
    expect(allowsContextMenu(null)).toBe(false);
  });

  it("cancels reloads and the page menu once installed, and stops when removed", () => {
    const remove = installReleaseGuards(document);
    const reload = new KeyboardEvent("keydown", { key: "F5", cancelable: true, bubbles: true });
    document.body.dispatchEvent(reload);
    expect(reload.defaultPrevented).toBe(true);
    const menu = new MouseEvent("contextmenu", { cancelable: true, bubbles: true });
    document.body.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    const typing = new KeyboardEvent("keydown", { key: "a", cancelable: true, bubbles: true });
    document.body.dispatchEvent(typing);
    expect(typing.defaultPrevented).toBe(false);
    remove();
    const after = new KeyboardEvent("keydown", { key: "F5", cancelable: true, bubbles: true });
    document.body.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});

describe("shortcut labels", () => {
  it("says ⌘ on a Mac and Ctrl elsewhere", () => {
    expect(shortcut("F", MAC)).toBe("⌘F");
    expect(shortcut("F", WINDOWS)).toBe("Ctrl+F");
    expect(modifierClick(MAC)).toBe("⌘-click");
    expect(modifierClick(WINDOWS)).toBe("Ctrl-click");
  });
});
