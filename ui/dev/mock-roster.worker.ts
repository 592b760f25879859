// The stand-in backend's roster engine (mock-roster.ts) in a thread of its own, as Rust is in a process
// of its own: the page pays for sending a query and taking its answer, not for the search. The first
// message says how many users to make up; each later one is a query, answered under its `id`.
import type { TableWindow, ViewSpec } from "../src/lib/bindings";
import { makeRows, MockRoster } from "./mock-roster";

export type EngineMessage = { users: number } | { id: number; spec: ViewSpec; offset: number; limit: number; withFacets: boolean; size: number };
export type EngineAnswer = { id: number; window: TableWindow };

const scope = self as unknown as { onmessage: (event: MessageEvent<EngineMessage>) => void; postMessage: (answer: EngineAnswer) => void };
let roster: MockRoster | null = null;

scope.onmessage = ({ data }) => {
  if (!("id" in data)) roster = new MockRoster(makeRows(data.users));
  else scope.postMessage({ id: data.id, window: roster!.query(data.spec, data.offset, data.limit, data.withFacets, data.size) });
};
