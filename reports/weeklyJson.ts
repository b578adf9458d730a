/** JSON for automation: the report model without chart specs, with a schema tag and chart file names. */
import type { WeeklyReport } from './weeklyReport.js';

export const WEEKLY_JSON_SCHEMA = 'cqd-patterns/weekly-report@1';

export function weeklyJson(r: WeeklyReport): string {
  const { charts, ...rest } = r;
  const doc = {
    schema: WEEKLY_JSON_SCHEMA,
    ...rest,
    charts: charts.map((c) => ({ name: c.name, title: c.title, png: `charts/${c.name}.png` })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
