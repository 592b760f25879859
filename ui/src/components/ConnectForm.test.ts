import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "../lib/api";
import ConnectForm from "./ConnectForm.svelte";

vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  testConnection: vi.fn(),
  saveProfile: vi.fn(),
}));

async function fillIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Account ID"), "acc");
  await user.type(screen.getByLabelText("Client ID"), "cli");
  await user.type(screen.getByLabelText("Client secret"), "s3cret");
  return user;
}

describe("ConnectForm", () => {
  beforeEach(() => vi.clearAllMocks());

  it("keeps the secret hidden and the buttons off until every field is filled", async () => {
    render(ConnectForm, { onSaved: vi.fn(), onCancel: vi.fn() });
    expect(screen.getByLabelText("Client secret")).toHaveAttribute("type", "password");
    expect(screen.getByRole("button", { name: "Test connection" })).toBeDisabled();
    await fillIn();
    expect(screen.getByRole("button", { name: "Test connection" })).toBeEnabled();
  });

  it("says in plain words how many phone users Zoom reports", async () => {
    vi.mocked(api.testConnection).mockResolvedValue({ phone_users: 1234 });
    render(ConnectForm, { onSaved: vi.fn(), onCancel: vi.fn() });
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Zoom reports 1,234 phone users");
    expect(api.testConnection).toHaveBeenCalledWith(
      { name: "My Zoom account", account_id: "acc", client_id: "cli", cloud: "zoom" },
      "s3cret",
    );
  });

  it("shows what is wrong, the one thing to do and Zoom's tracking ID", async () => {
    vi.mocked(api.testConnection).mockRejectedValue(
      new api.ApiError({ kind: "credentials", message: "Zoom did not accept the secret.", hint: "Copy it again.", tracking_id: "rid-1" }),
    );
    render(ConnectForm, { onSaved: vi.fn(), onCancel: vi.fn() });
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "Test connection" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Zoom did not accept the secret.");
    expect(alert).toHaveTextContent("Copy it again.");
    expect(alert).toHaveTextContent("rid-1");
  });

  it("saves the profile with the secret and hands it on", async () => {
    const saved = {
      name: "My Zoom account",
      account_id: "acc",
      client_id: "cli",
      cloud: "zoom" as const,
      snapshot: null,
      api_address: null,
    };
    vi.mocked(api.saveProfile).mockResolvedValue(saved);
    const onSaved = vi.fn();
    render(ConnectForm, { onSaved, onCancel: vi.fn() });
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "Save and load" }));
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect(screen.getByLabelText("Client secret")).toHaveValue("");
  });
});
