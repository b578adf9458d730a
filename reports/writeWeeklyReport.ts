/**
 * Render and write one weekly report: weekly-<week>.html/.md/.json and charts/<name>.png in `outDir`,
 * each written atomically. `writeWeeklyReport` is the whole pipeline (query → model → files).
 */
import { join, resolve } from 'node:path';
import type { Db } from '../core/db.js';
import type { PatternResult } from '../transform/patterns/cluster.js';
import { atomicWrite } from '../core/atomicWrite.js';
import { buildWeeklyReport } from './buildWeeklyReport.js';
import { lastCompleteWeek, parseIsoWeek, type IsoWeek } from './isoWeek.js';
import { loadWeeklyReportInput, type LoadWeeklyOptions } from './loadWeeklyReportInput.js';
import { renderSvg, svgToPng } from './render.js';
import type { WeeklyReport } from './weeklyReport.js';
import { weeklyHtml, type RenderedChart } from './weeklyHtml.js';
import { weeklyJson } from './weeklyJson.js';
import { weeklyMarkdown } from './weeklyMarkdown.js';

export interface WrittenReport {
  week: string;
  html: string;
  markdown: string;
  json: string;
  pngs: string[];
  /** Milliseconds spent per phase. */
  timings: { query: number; patterns: number; render: number; write: number };
}

export async function renderCharts(report: WeeklyReport): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const c of report.charts) out.push({ name: c.name, svg: await renderSvg(c.spec) });
  return out;
}

/** Pure model → files. */
export async function writeReportFiles(report: WeeklyReport, outDir: string): Promise<Omit<WrittenReport, 'timings'> & { renderMs: number }> {
  const t0 = performance.now();
  const charts = await renderCharts(report);
  const pngs = charts.map((c) => ({ name: c.name, ...svgToPng(c.svg) }));
  const renderMs = performance.now() - t0;
  const dir = resolve(outDir);
  const base = join(dir, `weekly-${report.week}`);
  const paths = { html: `${base}.html`, markdown: `${base}.md`, json: `${base}.json` };
  const pngPaths = pngs.map((p) => join(dir, 'charts', `${p.name}.png`));
  pngs.forEach((p, i) => atomicWrite(pngPaths[i] ?? '', p.png));
  atomicWrite(paths.markdown, weeklyMarkdown(report));
  atomicWrite(paths.json, weeklyJson(report));
  atomicWrite(paths.html, weeklyHtml(report, charts));
  return { week: report.week, ...paths, pngs: pngPaths, renderMs };
}

export interface WriteWeeklyOptions extends Omit<LoadWeeklyOptions, 'week' | 'patterns' | 'previousPatterns'> {
  outDir: string;
  /** '2026-W47'; default: the last complete week before `now` in `timezone`. */
  week?: string | IsoWeek;
  /** The pattern result for the week, or a function computing it for the week's window. */
  patterns: PatternResult | ((week: IsoWeek) => Promise<PatternResult>);
  previousPatterns?: PatternResult;
  /** Clear values for the single users' pseudonyms (vault key + --reveal only). */
  revealUsers?: (pseudonyms: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

export function resolveWeek(week: string | IsoWeek | undefined, now: Date, timezone: string): IsoWeek {
  if (week === undefined) return lastCompleteWeek(now, timezone);
  return typeof week === 'string' ? parseIsoWeek(week, timezone) : week;
}

export async function writeWeeklyReport(db: Db, o: WriteWeeklyOptions): Promise<WrittenReport> {
  const week = resolveWeek(o.week, o.now, o.timezone);
  const t0 = performance.now();
  const patterns = typeof o.patterns === 'function' ? await o.patterns(week) : o.patterns;
  const t1 = performance.now();
  const { outDir, week: _w, patterns: _p, revealUsers, ...rest } = o;
  const revealed = revealUsers ? await revealUsers(patterns.single_user.map((u) => u.user)) : undefined;
  const input = await loadWeeklyReportInput(db, { ...rest, ...(revealed ? { revealed } : {}), week, patterns });
  const t2 = performance.now();
  const report = buildWeeklyReport(input);
  const written = await writeReportFiles(report, outDir);
  const t3 = performance.now();
  const { renderMs, ...files } = written;
  return { ...files, timings: { patterns: t1 - t0, query: t2 - t1, render: renderMs, write: t3 - t2 - renderMs } };
}
