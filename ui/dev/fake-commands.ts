// The app's IPC commands answered by plain functions, for the stand-in backend (mock-backend.ts) and
// the App tests. The functions are typed from the generated bindings: when a command's parameters or
// answer change in Rust (and so in src/lib/bindings.ts), a stand-in that no longer fits fails
// `npm run check`.
import type { InvokeArgs } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { AppError, commands } from "../src/lib/bindings";

type Commands = typeof commands;
type Resolved<K extends keyof Commands> = Awaited<ReturnType<Commands[K]>>;
/** What a command answers when it succeeds: a fallible command's `data`, else its value. */
type Answer<K extends keyof Commands> =
  Resolved<K> extends { status: "ok"; data: infer T } | { status: "error" } ? T : Resolved<K>;

/** One stand-in per command, under the bindings' name, taking the bindings' parameters. */
export type Handlers = {
  [K in keyof Commands]: (...args: Parameters<Commands[K]>) => Answer<K> | Promise<Answer<K>>;
};

/** Fails a command as Rust does: the call rejects with the error itself, which the bindings hand on. */
export function fail(error: AppError): never {
  throw error;
}

/** Answers every IPC call with `handlers`; a call to a command without one fails. */
export function fakeCommands(handlers: Partial<Handlers>): void {
  mockIPC((cmd: string, args?: InvokeArgs) => {
    const name = cmd.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as keyof Commands;
    const handler = handlers[name] as ((...params: unknown[]) => unknown) | undefined;
    if (!handler) throw new Error(`no stand-in for the command ${cmd}`);
    // The bindings send a command's arguments as one object, in the order of its parameters.
    return handler(...Object.values((args ?? {}) as Record<string, unknown>));
  });
}
