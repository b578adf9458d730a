/**
 * Look at the HTML report in Debian's headless Chromium (driven by playwright-core, never a downloaded browser):
 * the charts are visible, nothing is fetched, no console errors; a screenshot is written and decodes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../reports/buildWeeklyReport.js';
import { writeReportFiles } from '../../reports/writeWeeklyReport.js';
import { fakeInput } from './fixtures.js';
import { decodePng } from './pngInfo.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const dir = mkdtempSync(join(tmpdir(), 'cqd-report-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noChromium = !existsSync(CHROMIUM);
if (noChromium) console.warn(`skipping the Chromium test: ${CHROMIUM} is absent (apt-get install chromium)`);

describe('weekly HTML in headless Chromium', () => {
  it.skipIf(noChromium)('shows the charts with no console errors and no network requests', async () => {
    const { chromium } = await import('playwright-core');
    const written = await writeReportFiles(buildWeeklyReport(fakeInput()), join(dir, 'out'));
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(pathToFileURL(written.html).href, { waitUntil: 'load' });
      const charts = page.locator('figure.chart svg');
      expect(await charts.count()).toBe(5);
      for (let i = 0; i < 5; i++) {
        const svg = charts.nth(i);
        await svg.scrollIntoViewIfNeeded();
        expect(await svg.isVisible()).toBe(true);
        const box = await svg.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(200);
        expect(box?.height ?? 0).toBeGreaterThan(100);
        // Marks were drawn: paths/rects with a size inside the SVG.
        expect(await svg.locator('path').count()).toBeGreaterThan(3);
      }
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.getByText('<script>alert("x")</script>', { exact: false }).first().isVisible()).toBe(true);
      const shot = join(dir, 'weekly.png');
      await page.screenshot({ path: shot, fullPage: true });
      const decoded = decodePng(readFileSync(shot));
      expect(decoded.width).toBe(1200);
      expect(decoded.height).toBeGreaterThan(2000);
      expect(problems).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      // To look at it: CQD_KEEP_SCREENSHOT=/tmp/weekly.png npx vitest run test/reports/browser.test.ts
      const keep = process.env['CQD_KEEP_SCREENSHOT'];
      if (keep) await page.screenshot({ path: keep, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
