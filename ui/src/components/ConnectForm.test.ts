// The connect form: what it sends to Rust, testing a connection, and asking before replacing a profile.
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

  it("saves what was typed, the secret beside it, without replacing, and hands the saved profile on", async () => {
    const saved = {
      name: "Gov West",
      account_id: "acc",
      client_id: "cli",
      cloud: "zoomgov" as const,
      snapshot: null,
      api_address: null,
    };
    vi.mocked(api.saveProfile).mockResolvedValue(saved);
    const onSaved = vi.fn();
    render(ConnectForm, { onSaved, onCancel: vi.fn() });
    const user = await fillIn();
    const name = screen.getByLabelText("Profile name");
    await user.clear(name);
    await user.type(name, "  Gov West ");
    await user.click(screen.getByRole("radio", { name: /ZoomGov/ }));
    await user.click(screen.getByRole("button", { name: "Save and load" }));
    expect(api.saveProfile).toHaveBeenCalledTimes(1);
    expect(api.saveProfile).toHaveBeenCalledWith(
      { name: "Gov West", account_id: "acc", client_id: "cli", cloud: "zoomgov" },
      "s3cret",
      false,
    );
    expect(onSaved).toHaveBeenCalledWith(saved);
    expect(screen.getByLabelText("Client secret")).toHaveValue("");
  });

  const prod = {
    name: "Prod",
    account_id: "old-acc",
    client_id: "old-cli",
    cloud: "zoom" as const,
    snapshot: { saved_at: "2026-11-28T09:14:00Z", users: 4321 },
    api_address: null,
  };

  it("never pre-fills the name of a saved profile", () => {
    const mine = { ...prod, name: "my zoom account" };
    render(ConnectForm, { existing: [mine, { ...prod, name: "My Zoom account 2" }], onSaved: vi.fn(), onCancel: vi.fn() });
    expect(screen.getByLabelText("Profile name")).toHaveValue("My Zoom account 3");
  });

  it("asks before replacing a profile of the same name, and replaces only when told to", async () => {
    vi.mocked(api.saveProfile)
      .mockRejectedValueOnce(
        new api.ApiError({ kind: "profile_exists", message: "exists", hint: null, tracking_id: null }),
      )
      .mockResolvedValueOnce({ ...prod, account_id: "acc", client_id: "cli", snapshot: null });
    const onSaved = vi.fn();
    render(ConnectForm, { existing: [prod], onSaved, onCancel: vi.fn() });
    const user = await fillIn();
    const name = screen.getByLabelText("Profile name");
    await user.clear(name);
    await user.type(name, "Prod");
    await user.click(screen.getByRole("button", { name: "Save and load" }));

    const dialog = await screen.findByRole("alertdialog", { name: "Replace the profile “Prod”?" });
    expect(dialog).toHaveTextContent("account old-acc");
    expect(dialog).toHaveTextContent("4,321 phone users");
    expect(screen.getByRole("button", { name: "Keep it and rename this one" })).toHaveFocus();
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Replace profile" }));
    expect(api.saveProfile).toHaveBeenCalledTimes(2);
    expect(api.saveProfile).toHaveBeenLastCalledWith(
      { name: "Prod", account_id: "acc", client_id: "cli", cloud: "zoom" },
      "s3cret",
      true,
    );
    expect(onSaved).toHaveBeenCalledWith({ ...prod, account_id: "acc", client_id: "cli", snapshot: null });
  });

  it("keeps the saved profile when the admin chooses to rename", async () => {
    vi.mocked(api.saveProfile).mockRejectedValueOnce(
      new api.ApiError({ kind: "profile_exists", message: "exists", hint: null, tracking_id: null }),
    );
    render(ConnectForm, { existing: [prod], onSaved: vi.fn(), onCancel: vi.fn() });
    const user = await fillIn();
    const name = screen.getByLabelText("Profile name");
    await user.clear(name);
    await user.type(name, "Prod");
    await user.click(screen.getByRole("button", { name: "Save and load" }));
    await user.click(await screen.findByRole("button", { name: "Keep it and rename this one" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.saveProfile).toHaveBeenCalledTimes(1);
  });
});
