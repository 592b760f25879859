// The app's own updates, as the top bar's notice and the About panel show them. Rust does the work
// (checking the signed latest.json, verifying and installing); this keeps what the admin sees.
import * as api from "./api";
import type { UpdateCheck } from "./api";
import type { Problem } from "./session.svelte";

export class Updates {
  check = $state<UpdateCheck | null>(null);
  checking = $state(false);
  installing = $state(false);
  problem = $state<Problem | null>(null);

  /** The newer version on offer, if any. */
  get available(): string | null {
    return this.check?.state === "available" ? this.check.version : null;
  }

  /** At launch: says nothing unless an update is there (a failed check is logged by Rust, and the
   * admin is not interrupted for it). */
  async checkQuietly(): Promise<void> {
    try {
      this.check = await api.checkForUpdate();
    } catch {
      this.check = null;
    }
  }

  /** "Check for updates" in About: the answer, or the problem, in words. */
  async checkNow(): Promise<void> {
    this.checking = true;
    this.problem = null;
    try {
      this.check = await api.checkForUpdate();
    } catch (error) {
      this.problem = api.describeError(error);
    } finally {
      this.checking = false;
    }
  }

  /** Downloads, verifies and installs the update; on success the app restarts into it. */
  async install(): Promise<void> {
    this.installing = true;
    this.problem = null;
    try {
      await api.installUpdate();
    } catch (error) {
      this.problem = api.describeError(error);
    } finally {
      this.installing = false;
    }
  }
}
