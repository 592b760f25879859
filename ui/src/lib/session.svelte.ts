// What the app is showing and doing: the open profile, its view (filters, search, sort, columns), the
// tab on screen, what changed since the roster before, its saved views, the load in progress, the last
// error. One instance per window; components read its fields and call its methods.
import * as api from "./api";
import type { ChangeSummary, LoadEvent, ProfileInfo, RosterStatus, SavedView } from "./api";
import { RosterView } from "./roster/rosterView.svelte";
import type { Tab } from "./roster/tabs";

export type Screen = "welcome" | "connect" | "roster";

export type Problem = { message: string; hint: string | null; trackingId: string | null };

export type LoadState = {
  loaded: number;
  total: number;
  /** An honest word about a wait: the rate limit or a retry. */
  note: string | null;
};

export class Session {
  screen = $state<Screen>("welcome");
  profiles = $state<ProfileInfo[]>([]);
  status = $state<RosterStatus | null>(null);
  load = $state<LoadState | null>(null);
  problem = $state<Problem | null>(null);
  /** Bumped whenever the roster in Rust changes, so the table asks for fresh windows. */
  generation = $state(0);
  /** The view every tab shows: the Changes and Report tabs follow the roster's filters and search. */
  readonly view = new RosterView();
  tab = $state<Tab>("users");
  /** Joined, left and changed since the roster before; `null` when there is none to compare with. */
  changes = $state<ChangeSummary | null>(null);
  /** The open profile's saved views. */
  views = $state<SavedView[]>([]);
  /** How many users the table's roster held at the last progress update of a load. */
  private shown = 0;

  /** Opens what the admin most likely wants: the demo when launched with --demo, else the account
   * whose roster was saved last (its snapshot shows at once), else the welcome screen. */
  async init(): Promise<void> {
    try {
      const [options, profiles] = await Promise.all([api.launchOptions(), api.listProfiles()]);
      this.profiles = profiles;
      if (options.demo) return await this.startDemo();
      const latest = newestSnapshot(profiles);
      if (latest) await this.openProfile(latest.name);
    } catch (error) {
      this.problem = api.describeError(error);
    }
  }

  async refreshProfiles(): Promise<void> {
    this.profiles = await api.listProfiles();
  }

  async startDemo(): Promise<void> {
    await this.enter(() => api.startDemo(), true);
  }

  async openProfile(name: string): Promise<void> {
    await this.enter(() => api.openProfile(name), false);
  }

  /** Opens a profile and shows its snapshot at once; loads from Zoom when there is none (or always, for the demo). */
  private async enter(open: () => Promise<RosterStatus>, alwaysLoad: boolean): Promise<void> {
    this.problem = null;
    try {
      this.status = await open();
      this.screen = "roster";
      this.tab = "users";
      this.generation++;
      await this.readHistoryAndViews();
      if (alwaysLoad || this.status.users === 0) await this.refresh();
    } catch (error) {
      this.problem = api.describeError(error);
    }
  }

  async refresh(): Promise<void> {
    if (this.load) return;
    this.problem = null;
    this.shown = this.status?.users ?? 0;
    this.load = { loaded: 0, total: 0, note: null };
    try {
      const last = await api.loadRoster((event) => this.onLoadEvent(event));
      if (last.event === "failed") this.problem = api.describeError(new api.ApiError(last.error));
    } catch (error) {
      this.problem = api.describeError(error);
    } finally {
      this.load = null;
      this.generation++;
    }
    await this.readHistoryAndViews();
  }

  /** What changed since the roster before, and the saved views, of the roster now open. */
  private async readHistoryAndViews(): Promise<void> {
    try {
      [this.changes, this.views] = await Promise.all([api.changeSummary(), api.savedViews()]);
    } catch (error) {
      // A load's own error, if any, says more.
      this.problem ??= api.describeError(error);
    }
  }

  /** Shows a saved view: its filters, search, sort and columns, on the Phone users tab. */
  openView(saved: SavedView): void {
    this.view.apply(saved.spec, saved.columns);
    this.tab = "users";
  }

  /** Saves the view on screen as `name` (replacing one of that name). Throws when it could not. */
  async saveView(name: string): Promise<void> {
    const spec = $state.snapshot(this.view.spec);
    this.views = await api.saveView({ name, spec, columns: [...this.view.columns] });
  }

  async removeView(name: string): Promise<void> {
    try {
      this.views = await api.removeView(name);
    } catch (error) {
      this.problem = api.describeError(error);
    }
  }

  cancel(): void {
    void api.cancelLoad();
  }

  private onLoadEvent(event: LoadEvent): void {
    const load = this.load;
    if (!load) return;
    switch (event.event) {
      case "progress":
        load.loaded = event.loaded;
        load.total = event.total;
        load.note = null;
        // The table asks for rows only when Rust's roster changed (at most once a second), not
        // at each progress update.
        if (event.shown !== this.shown) {
          this.shown = event.shown;
          this.generation++;
        }
        break;
      case "rate_limited":
        load.note = `Waiting for Zoom's rate limit (${Math.max(1, Math.round(event.wait_seconds))} s)…`;
        break;
      case "retrying":
        load.note = `${event.reason} Trying again (attempt ${event.attempt})…`;
        break;
      case "finished":
        if (this.status) {
          this.status = { ...this.status, users: event.count, loaded_at: event.loaded_at, from_snapshot: false };
        }
        break;
      default:
        break;
    }
  }

  showConnect(): void {
    this.problem = null;
    this.screen = "connect";
  }

  leaveConnect(): void {
    this.screen = this.status ? "roster" : "welcome";
  }

  async saved(profile: ProfileInfo): Promise<void> {
    await this.refreshProfiles();
    await this.openProfile(profile.name);
  }

  /** Removes a saved profile (its secret and saved roster too); when it was open, the welcome screen follows. */
  async removeProfile(name: string): Promise<void> {
    this.problem = null;
    try {
      await api.deleteProfile(name);
      if (this.status && !this.status.is_demo && this.status.profile === name) {
        this.status = null;
        this.screen = "welcome";
        this.generation++;
      }
      await this.refreshProfiles();
    } catch (error) {
      this.problem = api.describeError(error);
    }
  }
}

function newestSnapshot(profiles: ProfileInfo[]): ProfileInfo | null {
  let newest: ProfileInfo | null = null;
  for (const profile of profiles) {
    if (profile.snapshot && (!newest?.snapshot || profile.snapshot.saved_at > newest.snapshot.saved_at)) newest = profile;
  }
  return newest;
}
