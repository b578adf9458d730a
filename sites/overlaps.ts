/**
 * Cross-row checks of a building file: duplicate networks, nested and partial overlaps, and CQD's
 * 1,000,000-row expansion limit for VPN rows. One sort and a sweep per address family.
 */
import type { Problem } from './problem.js';
import type { RowExtent } from './validateRow.js';

export const CQD_EXPANDED_ROW_LIMIT = 1_000_000;

function describe(e: RowExtent): string {
  return `${e.text} (line ${e.line})`;
}

/**
 * Duplicates (same address and prefix) and partial overlaps (ranges that cross without one holding
 * the other, possible only with misaligned rows) are errors, reported on the later line with both
 * lines named. A network nested in a supernet is a warning: allowed, the most specific wins.
 */
export function overlapProblems(extents: readonly RowExtent[]): Problem[] {
  const out: Problem[] = [];
  for (const family of [4, 6] as const) {
    const xs = extents
      .filter((e) => e.family === family)
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end > b.end ? -1 : a.end < b.end ? 1 : a.line - b.line));
    let active: RowExtent[] = [];
    for (const cur of xs) {
      active = active.filter((a) => a.end >= cur.start);
      let container: RowExtent | undefined;
      let duplicate: RowExtent | undefined;
      for (const a of active) {
        if (a.start === cur.start && a.end === cur.end) duplicate ??= a;
        else if (a.end >= cur.end) container = a; // later entries in `active` are narrower: keep the innermost
        else {
          const [first, second] = a.line < cur.line ? [a, cur] : [cur, a];
          out.push({ severity: 'error', line: second.line, column: 1, message: `${describe(second)} partially overlaps ${describe(first)}` });
        }
      }
      if (duplicate) {
        const [first, second] = duplicate.line < cur.line ? [duplicate, cur] : [cur, duplicate];
        out.push({ severity: 'error', line: second.line, column: 1, message: `duplicate network: ${describe(second)} repeats ${describe(first)}` });
      } else if (container) {
        out.push({
          severity: 'warning',
          line: cur.line,
          column: 1,
          message: `${describe(cur)} overlaps ${describe(container)}: nested inside that supernet, the more specific network wins`,
        });
      }
      if (!duplicate) active.push(cur);
    }
  }
  return out;
}

/** CQD expands each VPN row to one row per address; the whole file must stay within the limit. */
export function vpnExpansionProblems(extents: readonly RowExtent[], rowCount: number, limit = CQD_EXPANDED_ROW_LIMIT): Problem[] {
  let total = BigInt(rowCount);
  const out: Problem[] = [];
  for (const e of [...extents].sort((a, b) => a.line - b.line)) {
    if (!e.vpn) continue;
    const size = e.end - e.start + 1n;
    const before = total;
    total += size - 1n;
    if (total > BigInt(limit) && before <= BigInt(limit)) {
      out.push({
        severity: 'error',
        line: e.line,
        column: 15,
        message: `VPN row ${e.text} expands to ${size} addresses; the file would expand to ${total} rows, past CQD's ${limit.toLocaleString('en-US')}-row limit`,
      });
    } else if (before > BigInt(limit)) {
      out.push({ severity: 'error', line: e.line, column: 15, message: `VPN row ${e.text} expands to ${size} more rows, past CQD's ${limit.toLocaleString('en-US')}-row limit` });
    }
  }
  return out;
}
