/** Escaping for text that comes from tenant data (building names, FQDNs, display names, notes). */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value → safe HTML (every string from data goes through this). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

/** Text → safe Markdown: markup characters backslash-escaped, angle brackets as entities, no line breaks. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Prefix every id in an inline SVG (and its url(#…) / href="#…" references) so that several charts
 * in one HTML page do not share clip-path or gradient ids.
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  return svg
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${safe}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${safe}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${safe}-${id}"`);
}
