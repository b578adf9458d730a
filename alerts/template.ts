/** Annotation templates in the Prometheus spelling: `{{ $labels.sbc }}`, `{{ $values.failures }}`. */
const PLACEHOLDER = /\{\{\s*\$(labels|values)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Numbers print as integers or with at most two decimals; unknown names print as empty. */
export function formatValue(v: number | string | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

export function renderTemplate(text: string, labels: Readonly<Record<string, string>>, values: Readonly<Record<string, number | string>>): string {
  return text.replace(PLACEHOLDER, (_m, kind: string, name: string) => (kind === 'labels' ? (labels[name] ?? '') : formatValue(values[name])));
}

export function renderAll(
  templates: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
  values: Readonly<Record<string, number | string>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(templates).sort()) out[k] = renderTemplate(templates[k] ?? '', labels, values);
  return out;
}
