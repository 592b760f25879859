// The roster screen's tabs. Named here, beside the screens that show them, so that the session
// (which remembers the tab chosen) depends on the roster's folder and never the other way round.

/** The roster screen's three answers: the users, what changed, the cost-center report. */
export type Tab = "users" | "changes" | "report";
