// What the component tests share: phone users as Rust sends them, and a size for jsdom's elements
// (jsdom lays nothing out), without which the virtualized grid renders no rows.
import { afterAll, beforeAll } from "vitest";
import type { Row } from "./lib/api";

/** Phone user number `i`, every cell in the screen's words, with `extra` cells changed; the lists
 * (numbers, calling plans) follow their cells. */
export function phoneUser(i: number, extra: Partial<Omit<Row, "lists">> = {}): Row {
  const cells = {
    user_id: `u${i}`,
    name: `Person ${i}`,
    email: `p${i}@example.com`,
    extension: String(100 + i),
    phone_numbers: `+1 555 000 ${i}; +1 555 111 ${i}`,
    site: "Austin",
    department: "Sales",
    cost_center: `CC-${i}`,
    status: "Active",
    calling_plans: "Basic; Global Select",
    phone_user_id: `pu${i}`,
    extension_id: `x${i}`,
    site_id: "s1",
    activation_status: "activated",
    ...extra,
  };
  const list = (text: string) => (text ? text.split("; ") : []);
  return { ...cells, lists: { phone_numbers: list(cells.phone_numbers), calling_plans: list(cells.calling_plans) } };
}

/** Gives every element a size while the calling test file runs, so the grid renders its rows. */
export function layOutElements(): void {
  const sizes = {
    offsetHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetHeight"),
    offsetWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetWidth"),
  };
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, "offsetWidth", { configurable: true, get: () => 1000 });
    Element.prototype.scrollTo = () => {};
  });
  afterAll(() => {
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", sizes.offsetHeight!);
    Object.defineProperty(HTMLElement.prototype, "offsetWidth", sizes.offsetWidth!);
  });
}
