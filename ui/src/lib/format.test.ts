// Words and times as an admin reads them.
import { describe, expect, it } from "vitest";
import { formatWhen, statusLabel } from "./format";

describe("format", () => {
  it("says Zoom's statuses as people do", () => {
    expect(statusLabel("activate")).toBe("Active");
    expect(statusLabel("deactivate")).toBe("Inactive");
    expect(statusLabel("pending")).toBe("Pending");
  });

  it("says when a snapshot is from relative to today", () => {
    const now = new Date(2026, 10, 28, 12, 0);
    expect(formatWhen(new Date(2026, 10, 27, 9, 14).toISOString(), now)).toBe("09:14 yesterday");
    expect(formatWhen(new Date(2026, 10, 28, 9, 14).toISOString(), now)).toBe("09:14 today");
    expect(formatWhen(new Date(2026, 10, 3, 9, 14).toISOString(), now)).toBe("09:14 on 3 Nov");
  });
});
