// The real UI over the stand-in backend; ?scenario=welcome|connect|loading|roster|snapshot picks the
// state, &users=100000 the size of the account. The engine's query is left on `window.standInQuery`
// for dev/profile.mjs.
import { installMockBackend, type Scenario } from "./mock-backend";

const params = new URLSearchParams(location.search);
const scenario = (params.get("scenario") ?? "welcome") as Scenario;
Object.assign(window, { standInQuery: installMockBackend(scenario, Number(params.get("users") ?? 10_000)) });
await import("../src/main");
