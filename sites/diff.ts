/** What a building file changes against the mapping in force: networks and buildings added, removed, changed. */
import { sitePath } from './sitePath.js';
import type { NetworkRow } from './validateRow.js';

const NETWORK_FIELDS = [
  'networkName', 'buildingName', 'ownership', 'buildingType', 'officeType', 'city', 'zip', 'country', 'state', 'region', 'insideCorp', 'expressRoute', 'vpn',
] as const satisfies readonly (keyof NetworkRow)[];
const BUILDING_FIELDS = ['site', 'city', 'zip', 'state', 'ownership', 'buildingType', 'officeType'] as const;

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface SitesDiff {
  networks: {
    added: NetworkRow[];
    removed: NetworkRow[];
    changed: { before: NetworkRow; after: NetworkRow; changes: FieldChange[] }[];
  };
  buildings: {
    added: string[];
    removed: string[];
    changed: { building: string; changes: FieldChange[] }[];
  };
}

export function networkKey(r: Pick<NetworkRow, 'network' | 'prefix'>): string {
  return `${r.network}/${r.prefix}`;
}

function buildingAttrs(r: NetworkRow): Record<(typeof BUILDING_FIELDS)[number], string> {
  return {
    site: sitePath(r.region, r.country, r.buildingName),
    city: r.city,
    zip: r.zip,
    state: r.state,
    ownership: r.ownership,
    buildingType: r.buildingType,
    officeType: r.officeType,
  };
}

function buildings(rows: readonly NetworkRow[]) {
  const out = new Map<string, ReturnType<typeof buildingAttrs>>();
  for (const r of rows) if (!out.has(r.buildingName)) out.set(r.buildingName, buildingAttrs(r));
  return out;
}

const byKey = (a: NetworkRow, b: NetworkRow) => a.family - b.family || (a.value < b.value ? -1 : a.value > b.value ? 1 : a.prefix - b.prefix);

export function diffSites(before: readonly NetworkRow[], after: readonly NetworkRow[]): SitesDiff {
  const old = new Map(before.map((r) => [networkKey(r), r]));
  const cur = new Map(after.map((r) => [networkKey(r), r]));
  const added = after.filter((r) => !old.has(networkKey(r))).sort(byKey);
  const removed = before.filter((r) => !cur.has(networkKey(r))).sort(byKey);
  const changed: SitesDiff['networks']['changed'] = [];
  for (const a of [...after].sort(byKey)) {
    const b = old.get(networkKey(a));
    if (!b) continue;
    const changes = NETWORK_FIELDS.filter((f) => b[f] !== a[f]).map((f) => ({ field: f, from: String(b[f]), to: String(a[f]) }));
    if (changes.length) changed.push({ before: b, after: a, changes });
  }
  const ob = buildings(before);
  const nb = buildings(after);
  const names = (m: Map<string, unknown>, other: Map<string, unknown>) => [...m.keys()].filter((k) => !other.has(k)).sort();
  const bChanged: SitesDiff['buildings']['changed'] = [];
  for (const name of [...nb.keys()].sort()) {
    const o = ob.get(name);
    const n = nb.get(name);
    if (!o || !n) continue;
    const changes = BUILDING_FIELDS.filter((f) => o[f] !== n[f]).map((f) => ({ field: f, from: o[f], to: n[f] }));
    if (changes.length) bChanged.push({ building: name, changes });
  }
  return {
    networks: { added, removed, changed },
    buildings: { added: names(nb, ob), removed: names(ob, nb), changed: bChanged },
  };
}

export function isEmptyDiff(d: SitesDiff): boolean {
  return [d.networks.added, d.networks.removed, d.networks.changed, d.buildings.added, d.buildings.removed, d.buildings.changed].every((x) => x.length === 0);
}

/** Plain-text rendering: '+' added, '-' removed, '~' changed; a summary line first. */
export function formatDiff(d: SitesDiff): string {
  const n = d.networks;
  const b = d.buildings;
  const lines = [
    `networks: ${n.added.length} added, ${n.removed.length} removed, ${n.changed.length} changed; ` +
      `buildings: ${b.added.length} added, ${b.removed.length} removed, ${b.changed.length} changed`,
  ];
  const site = (r: NetworkRow) => sitePath(r.region, r.country, r.buildingName);
  for (const r of n.added) lines.push(`+ network ${networkKey(r)} ${site(r)} (line ${r.line})`);
  for (const r of n.removed) lines.push(`- network ${networkKey(r)} ${site(r)}`);
  for (const c of n.changed) lines.push(`~ network ${networkKey(c.after)} (line ${c.after.line}): ${c.changes.map((x) => `${x.field} '${x.from}' → '${x.to}'`).join(', ')}`);
  for (const name of b.added) lines.push(`+ building ${name}`);
  for (const name of b.removed) lines.push(`- building ${name}`);
  for (const c of b.changed) lines.push(`~ building ${c.building}: ${c.changes.map((x) => `${x.field} '${x.from}' → '${x.to}'`).join(', ')}`);
  return lines.join('\n') + '\n';
}
