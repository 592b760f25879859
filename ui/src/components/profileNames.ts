// Names for new profiles that no saved profile has yet ("My Zoom account 2").
import type { ProfileInfo } from "../lib/api";

/**
 * `base`, or `base 2`, `base 3`… : the first no saved profile uses. Compared without case, as the
 * profile store refuses names that differ only in case (Windows' keychain would merge them).
 */
export function freeName(base: string, profiles: readonly ProfileInfo[]): string {
  const taken = new Set(profiles.map((p) => p.name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}
