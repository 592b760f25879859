// The stand-in backend's made-up users and its roster engine in miniature (see mock-backend.ts), kept
// in a worker (mock-roster.worker.ts) so that, as in the app, answering a query costs the page nothing.
// Indexed the way the engine is, so 100,000 users answer in a few milliseconds, as Rust does: each
// user's searchable text folded once, facet values as small numbers, one order of all users per sort.
import type { Column, Facets, Row, TableWindow, ViewSpec } from "../src/lib/bindings";
import { statusLabel } from "../src/lib/format";
import { fold } from "../src/lib/roster/findValue";

const FIRST = ["Ada", "Bruno", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara"];
const LAST = ["Okafor", "Schmidt", "Nakamura", "García", "Kowalski", "Haddad", "Lindqvist", "O'Brien", "Rossi", "Dubois", "Silva", "Müller", "Novak", "Tanaka", "Andersen", "Costa", "Fischer", "Ivanova"];
const DEPTS = ["Sales", "Customer Support", "Engineering", "Finance", "Marketing", "Legal", "Operations", "HR", "IT", ""];
const SITES = ["London HQ", "Berlin", "Austin", "Singapore", "São Paulo", "Chicago Office"];
const PLANS = ["US/CA Unlimited Calling", "Global Select", "Zoom Phone Basic", "International Calling", "Zoom Phone Pro"];
const STATUSES = ["activate", "activate", "activate", "activate", "activate", "activate", "deactivate", "pending"];
// A few big cost centers and a long tail, as real accounts have.
const COST_CENTERS = Array.from({ length: 38 }, (_, i) => `${4100 + i * 10}-${["SALES", "SUPPORT", "ENG", "FIN", "MKT", "OPS"][i % 6]}`);

/** Deterministic pseudo-random numbers, so screenshots are the same every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** `n` made-up phone users, the same every run (the first 10,000 are the same whatever `n`). */
export function makeRows(n: number): Row[] {
  const rnd = random(7);
  return Array.from({ length: n }, (_, i) => {
    const first = FIRST[Math.floor(rnd() * FIRST.length)];
    const last = LAST[Math.floor(rnd() * LAST.length)];
    const ext = String(1000 + ((i * 37) % 9000));
    const numbers = Math.floor(rnd() * 10);
    const phone = (k: number) => `+1 512 555 ${String((i * 3 + k) % 10000).padStart(4, "0")}`;
    const cc = rnd() < 0.06 ? "" : COST_CENTERS[Math.min(COST_CENTERS.length - 1, Math.floor(COST_CENTERS.length * rnd() ** 2.2))];
    const plan = PLANS[Math.floor(rnd() * PLANS.length)];
    const phones = numbers === 0 ? [] : numbers === 9 ? [phone(0), phone(1), phone(2)] : [phone(0)];
    const plans = i % 13 === 0 ? [] : i % 11 === 0 ? [plan, "International Calling"] : [plan];
    return {
      user_id: `u${String(i).padStart(6, "0")}AbCdEfGh`,
      name: `${first} ${last}`,
      email: `${first}.${last}${i}@acme-example.com`.toLowerCase().normalize("NFD").replace(/[^a-z0-9.@-]/g, ""),
      extension: ext,
      phone_numbers: phones.join("; "),
      site: SITES[Math.floor(rnd() * SITES.length)],
      department: DEPTS[Math.floor(rnd() * DEPTS.length)],
      cost_center: cc,
      status: STATUSES[Math.floor(rnd() * STATUSES.length)],
      calling_plans: plans.join("; "),
      phone_user_id: `pu${String(i).padStart(6, "0")}XyZ`,
      extension_id: `ext${i}`,
      site_id: `site${i % SITES.length}`,
      activation_status: "activated",
      lists: { phone_numbers: phones, calling_plans: plans },
    };
  });
}

type FacetKey = keyof Facets;
const FACET_COLUMN: Record<FacetKey, Column> = {
  cost_center: "cost_center",
  department: "department",
  site: "site",
  status: "status",
  calling_plan: "calling_plans",
};
const FACET_KEYS = Object.keys(FACET_COLUMN) as FacetKey[];
const valuesOf = (row: Row, facet: FacetKey): string[] =>
  facet === "calling_plan" ? (row.lists.calling_plans.length ? row.lists.calling_plans : [""]) : [row[FACET_COLUMN[facet]]];

/** One facet's values as small numbers: each row has one combination of values (a calling plan list
 * can hold two), so a filter or a count looks at one number per row. */
type FacetIndex = { values: string[]; of: Map<string, number>; combos: number[][]; rows: Int32Array };

function facetIndex(rows: Row[], facet: FacetKey): FacetIndex {
  const values: string[] = [];
  const of = new Map<string, number>();
  const combos: number[][] = [];
  const comboOf = new Map<string, number>();
  const code = (v: string) => of.get(v) ?? (of.set(v, values.push(v) - 1), values.length - 1);
  const combo = (codes: number[]) => {
    const key = codes.join(",");
    return comboOf.get(key) ?? (comboOf.set(key, combos.push(codes) - 1), combos.length - 1);
  };
  return { values, of, combos, rows: Int32Array.from(rows, (r) => combo([...new Set(valuesOf(r, facet))].map(code))) };
}

/** The engine's semantics in miniature over `rows`: search ignoring case and accents, filters OR-ed
 * within and AND-ed across facets, facets counted with every filter but their own, multi-key sort,
 * windows. A query asks about the first `size` rows (a load in progress has not brought the rest). */
export class MockRoster {
  private readonly haystacks: string[];
  private readonly facets: FacetIndex[];
  private readonly orders = new Map<string, Int32Array>();
  private last: { key: string; matched: number[]; facets: Facets | null } | null = null;

  constructor(private readonly rows: Row[]) {
    this.haystacks = rows.map((r) => [r.name, r.email, r.extension, r.phone_numbers].map(fold).join("\u0000"));
    this.facets = FACET_KEYS.map((k) => facetIndex(rows, k));
  }

  query(spec: ViewSpec, offset: number, limit: number, withFacets: boolean, size: number): TableWindow {
    // The windows of one view share its matches, as scrolling asks for one window after another.
    const key = JSON.stringify([spec, size]);
    if (this.last?.key !== key || (withFacets && !this.last.facets)) this.last = { key, ...this.match(spec, withFacets, size) };
    const { matched, facets } = this.last;
    // Rows hold Zoom's status words (the filters match on them); Rust sends rows with the words people say.
    const shown = matched.slice(offset, offset + limit).map((i) => ({ ...this.rows[i], status: statusLabel(this.rows[i].status) }));
    return { offset, total: matched.length, roster_size: size, rows: shown, facets: withFacets ? facets : null };
  }

  private match(spec: ViewSpec, withFacets: boolean, size: number): { matched: number[]; facets: Facets | null } {
    const chosen = FACET_KEYS.map((k) => spec.filters?.[k] ?? []);
    // Per facet, which value combinations pass its filter; null when nothing is chosen (all pass).
    const passing = this.facets.map(({ combos, values }, k) =>
      chosen[k].length === 0 ? null : Uint8Array.from(combos, (codes) => Number(codes.some((c) => chosen[k].includes(values[c])))),
    );
    const needle = fold(spec.search ?? "");
    const counts = this.facets.map((f) => new Int32Array(f.combos.length));
    const hit = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      if (needle && !this.haystacks[i].includes(needle)) continue;
      // A row failing one facet's filter only still counts in that facet's list.
      let failing = -1;
      let failures = 0;
      for (let k = 0; k < passing.length; k++) {
        if (passing[k]?.[this.facets[k].rows[i]] === 0) (failing = k), failures++;
      }
      if (failures === 0) hit[i] = 1;
      if (withFacets && failures === 0) for (let k = 0; k < counts.length; k++) counts[k][this.facets[k].rows[i]]++;
      else if (withFacets && failures === 1) counts[failing][this.facets[failing].rows[i]]++;
    }
    const matched: number[] = [];
    for (const i of this.order(spec.sort ?? [])) if (i < size && hit[i]) matched.push(i);
    if (!withFacets) return { matched, facets: null };
    const facets = {} as Facets;
    FACET_KEYS.forEach((k, n) => {
      // A chosen value stays in its list, with 0 when no one has it now.
      const listed = new Map<string, number>(chosen[n].map((v) => [v, 0]));
      const { combos, values } = this.facets[n];
      counts[n].forEach((count, combo) => {
        for (const c of combos[combo]) if (count > 0) listed.set(values[c], (listed.get(values[c]) ?? 0) + count);
      });
      facets[k] = [...listed].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    });
    return { matched, facets };
  }

  /** Every row in the order of `sort`, worked out once per sort. */
  private order(sort: NonNullable<ViewSpec["sort"]>): Int32Array {
    const key = JSON.stringify(sort);
    let order = this.orders.get(key);
    if (!order) {
      const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
      // Each column's distinct values sorted once; rows are then compared by their value's rank.
      const ranks = sort.map(({ column }) => {
        const distinct = [...new Set(this.rows.map((r) => r[column]))].sort(collator.compare);
        const rank = new Map(distinct.map((v, i) => [v, i]));
        return Int32Array.from(this.rows, (r) => rank.get(r[column])!);
      });
      order = Int32Array.from(this.rows.keys()).sort((a, b) => {
        for (let k = 0; k < sort.length; k++) {
          const d = ranks[k][a] - ranks[k][b];
          if (d !== 0) return sort[k].descending ? -d : d;
        }
        return a - b;
      });
      this.orders.set(key, order);
    }
    return order;
  }
}
