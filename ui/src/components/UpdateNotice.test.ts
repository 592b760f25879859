// The update notice in the top bar: offered, installing, refused, switched off.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "../lib/api";
import { Updates } from "../lib/updates.svelte";
import UpdateNotice from "./UpdateNotice.svelte";

vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  checkForUpdate: vi.fn(),
  installUpdate: vi.fn(),
}));

describe("UpdateNotice", () => {
  beforeEach(() => vi.clearAllMocks());

  it("says nothing when the app is up to date or updates are off", async () => {
    for (const check of [
      { state: "up_to_date", version: "0.1.0" },
      { state: "off", by: "the PHONE_ROSTER_UPDATES setting" },
    ] as const) {
      vi.mocked(api.checkForUpdate).mockResolvedValue(check);
      const updates = new Updates();
      await updates.checkQuietly();
      const { unmount } = render(UpdateNotice, { updates, onDetails: vi.fn() });
      expect(screen.queryByRole("status")).toBeNull();
      expect(screen.queryByRole("alert")).toBeNull();
      unmount();
    }
  });

  it("offers a newer version, installs it on click, and says briefly when that failed", async () => {
    vi.mocked(api.checkForUpdate).mockResolvedValue({ state: "available", version: "1.2.0", notes: null });
    vi.mocked(api.installUpdate).mockRejectedValue(
      new api.ApiError({ kind: "update", message: "The update could not be verified.", hint: "Try again later.", tracking_id: null }),
    );
    const updates = new Updates();
    await updates.checkQuietly();
    const onDetails = vi.fn();
    render(UpdateNotice, { updates, onDetails });
    expect(screen.getByRole("status")).toHaveTextContent("Update available (version 1.2.0)");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Restart to update" }));
    expect(api.installUpdate).toHaveBeenCalledOnce();
    expect(await screen.findByRole("alert")).toHaveTextContent("Version 1.2.0 was not installed");
    expect(updates.problem?.message).toBe("The update could not be verified.");
    await user.click(screen.getByRole("button", { name: "Why?" }));
    expect(onDetails).toHaveBeenCalledOnce();
  });

  it("stays quiet when the launch check itself fails", async () => {
    vi.mocked(api.checkForUpdate).mockRejectedValue(new Error("offline"));
    const updates = new Updates();
    await updates.checkQuietly();
    render(UpdateNotice, { updates, onDetails: vi.fn() });
    expect(screen.queryByRole("alert")).toBeNull();
    expect(updates.problem).toBeNull();
  });
});
