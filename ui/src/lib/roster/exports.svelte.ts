// One export at a time from the roster screen, whichever tab asked (users, changes, report): its
// progress, its cancel, and the notice it leaves (saved where, cancelled, or what went wrong).
import * as api from "../api";
import type { ExportedFile } from "../api";

export type Notice =
  | { kind: "exported"; path: string; rows: number; noun: string }
  | { kind: "cancelled" }
  | { kind: "copied"; text: string }
  | { kind: "error"; message: string; hint: string | null };

export class Exports {
  busy = $state(false);
  notice = $state<Notice | null>(null);
  private cancelled = false;

  /** Runs `write` (an export command: `null` when nothing was written) unless one runs already; the
   * notice counts its rows as `noun`s ("user", "change", "cost center"). */
  async run(noun: string, write: () => Promise<ExportedFile | null>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = null;
    this.cancelled = false;
    try {
      const written = await write();
      if (written) this.notice = { kind: "exported", path: written.path, rows: written.rows, noun };
      else if (this.cancelled) this.notice = { kind: "cancelled" };
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
    }
  }

  cancel(): void {
    this.cancelled = true;
    void api.cancelExport();
  }

  async showInFolder(path: string): Promise<void> {
    try {
      await api.reveal(path);
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    const { message, hint } = api.describeError(error);
    this.notice = { kind: "error", message, hint };
  }
}
