// The load's progress in words, and Cancel.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import LoadProgress from "./LoadProgress.svelte";

describe("LoadProgress", () => {
  it("shows users loaded of total, the rate-limit wait, and cancels", async () => {
    const onCancel = vi.fn();
    render(LoadProgress, {
      load: { loaded: 2900, total: 10000, note: "Waiting for Zoom's rate limit (3 s)…" },
      onCancel,
    });
    expect(screen.getByText(/Loading phone users from Zoom/)).toHaveTextContent("2,900 of 10,000");
    expect(screen.getByRole("status")).toHaveTextContent("Waiting for Zoom's rate limit (3 s)…");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2900");
    await userEvent.setup().click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
