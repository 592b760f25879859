// The real UI over the stand-in backend; ?scenario=welcome|connect|loading|roster|snapshot picks the state.
import { installMockBackend, type Scenario } from "./mock-backend";

const scenario = (new URLSearchParams(location.search).get("scenario") ?? "welcome") as Scenario;
installMockBackend(scenario);
await import("../src/main");
