// The only door from the UI to Rust. Components import from here, never from bindings.ts or
// @tauri-apps/api, so tests stub this one module and the generated bindings can change shape freely.
import { Channel } from "@tauri-apps/api/core";
import { commands } from "./bindings";
import type * as Bindings from "./bindings";
import type {
  AppError,
  AppInfo,
  ChangeKind,
  ChangeList,
  ChangeSummary,
  Cloud,
  Column,
  ConnectionOk,
  ExportFormat,
  ExportedFile,
  Facet,
  LaunchOptions,
  LoadEvent,
  ProfileDraft,
  ProfileInfo,
  Report,
  TableWindow,
  RosterStatus,
  SavedView,
  UpdateCheck,
} from "./bindings";

export type * from "./bindings";
/** Columns, facets, status words and export formats, as the engine defines them (crates/roster/src/metadata.rs). */
export { METADATA } from "./bindings";

// The view spec as the UI holds it: every field present. (Rust accepts any of them missing, so the
// generated types mark them optional; these names shadow the generated ones for components.)
export type Filters = Required<Bindings.Filters>;
export type SortKey = Required<Bindings.SortKey>;
export type ViewSpec = { search: string; filters: Filters; sort: SortKey[] };

/** An error from Rust, as a thrown value: the message is for a person, the hint is the one thing to do. */
export class ApiError extends Error {
  readonly kind: AppError["kind"];
  readonly hint: string | null;
  readonly trackingId: string | null;

  constructor(error: AppError) {
    super(error.message);
    this.name = "ApiError";
    this.kind = error.kind;
    this.hint = error.hint;
    this.trackingId = error.tracking_id;
  }
}

/** What the generated `typedError` wrapper resolves to. */
type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

async function unwrap<T>(call: Promise<Result<T, AppError>>): Promise<T> {
  const result = await call;
  if (result.status === "error") throw new ApiError(result.error);
  return result.data;
}

/** Turns anything thrown by a call into words for a person. */
export function describeError(error: unknown): { message: string; hint: string | null; trackingId: string | null } {
  if (error instanceof ApiError) return { message: error.message, hint: error.hint, trackingId: error.trackingId };
  const message = error instanceof Error ? error.message : String(error);
  return { message: message || "Something went wrong.", hint: null, trackingId: null };
}

export const appInfo = (): Promise<AppInfo> => commands.appInfo();
export const launchOptions = (): Promise<LaunchOptions> => commands.launchOptions();
export const thirdPartyNotices = (): Promise<string | null> => commands.thirdPartyNotices();
export const checkForUpdate = (): Promise<UpdateCheck> => unwrap(commands.checkForUpdate());
export const installUpdate = (): Promise<null> => unwrap(commands.installUpdate());
export const listProfiles = (): Promise<ProfileInfo[]> => unwrap(commands.listProfiles());
/** Saves a profile; one of the same name is replaced only with `replace`, else `profile_exists`. */
export const saveProfile = (profile: ProfileDraft, secret: string | null, replace: boolean): Promise<ProfileInfo> =>
  unwrap(commands.saveProfile(profile, secret, replace));
export const deleteProfile = (name: string): Promise<null> => unwrap(commands.deleteProfile(name));
export const testConnection = (profile: ProfileDraft, secret: string | null): Promise<ConnectionOk> =>
  unwrap(commands.testConnection(profile, secret));
export const openProfile = (name: string): Promise<RosterStatus> => unwrap(commands.openProfile(name));
export const startDemo = (): Promise<RosterStatus> => unwrap(commands.startDemo());
export const cancelLoad = (): Promise<void> => commands.cancelLoad();
/** A window of the view; its facet counts only `withFacets` (they are the same for every window). */
export const query = (spec: ViewSpec, offset: number, limit: number, withFacets: boolean): Promise<TableWindow> =>
  unwrap(commands.query(spec, offset, limit, withFacets));
/** Writes the view to `stem` plus the format's extension; `null` when the admin closed the dialog or cancelled. */
export const exportView = (
  spec: ViewSpec,
  columns: Column[],
  format: ExportFormat,
  stem: string,
): Promise<ExportedFile | null> => unwrap(commands.exportView(spec, columns, format, stem));
export const cancelExport = (): Promise<void> => commands.cancelExport();
export const reveal = (path: string): Promise<null> => unwrap(commands.reveal(path));
export const changeSummary = (): Promise<ChangeSummary | null> => unwrap(commands.changeSummary());
/** The changes the view lets through (of `kinds`; all when empty), in the view's sort order. */
/** A window of the Changes list: `limit` rows from `offset`, with how many the view lets through. */
export const changes = (spec: ViewSpec, kinds: ChangeKind[], offset: number, limit: number): Promise<ChangeList> =>
  unwrap(commands.changes(spec, kinds, offset, limit));
export const exportChanges = (
  spec: ViewSpec,
  kinds: ChangeKind[],
  format: ExportFormat,
  stem: string,
): Promise<ExportedFile | null> => unwrap(commands.exportChanges(spec, kinds, format, stem));
/** `rowsBy` down, `columnsBy` across, under the view's other filters and search. */
export const report = (spec: ViewSpec, rowsBy: Facet, columnsBy: Facet): Promise<Report> =>
  unwrap(commands.report(spec, rowsBy, columnsBy));
export const exportReport = (
  spec: ViewSpec,
  rowsBy: Facet,
  columnsBy: Facet,
  format: ExportFormat,
  stem: string,
): Promise<ExportedFile | null> => unwrap(commands.exportReport(spec, rowsBy, columnsBy, format, stem));
export const savedViews = (): Promise<SavedView[]> => unwrap(commands.savedViews());
export const saveView = (view: SavedView): Promise<SavedView[]> => unwrap(commands.saveView(view));
export const removeView = (name: string): Promise<SavedView[]> => unwrap(commands.removeView(name));
export const copyDiagnostics = (): Promise<string> => unwrap(commands.copyDiagnostics());
export const openMarketplace = (cloud: Cloud): Promise<null> => unwrap(commands.openMarketplace(cloud));

/** The events that end a load; Rust always sends exactly one of them last. */
export type FinalLoadEvent = Extract<LoadEvent, { event: "finished" | "failed" | "cancelled" }>;

/**
 * Loads the open profile's roster, reporting progress to `onEvent`. Resolves with the final event, which
 * can arrive after the command's own promise (channel messages are not ordered with the response).
 */
export function loadRoster(onEvent: (event: LoadEvent) => void): Promise<FinalLoadEvent> {
  return new Promise((resolve, reject) => {
    const channel = new Channel<LoadEvent>();
    channel.onmessage = (event) => {
      onEvent(event);
      if (event.event === "finished" || event.event === "failed" || event.event === "cancelled") resolve(event);
    };
    commands.loadRoster(channel).then((result) => {
      if (result.status === "error") reject(new ApiError(result.error));
    }, reject);
  });
}
