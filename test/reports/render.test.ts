import { describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../reports/buildWeeklyReport.js';
import { fontFiles, renderSvg, svgSize, svgToPng } from '../../reports/render.js';
import { fakeInput } from './fixtures.js';
import { decodePng } from './pngInfo.js';

const report = buildWeeklyReport(fakeInput());

describe('chart rendering', () => {
  it('resolves the DejaVu fonts from the npm package', () => {
    const files = fontFiles();
    expect(files).toHaveLength(2);
    for (const f of files) expect(f).toMatch(/dejavu-fonts-ttf\/ttf\/DejaVuSans(-Bold)?\.ttf$/);
  });

  for (const c of report.charts) {
    it(`${c.name}: SVG with text in DejaVu Sans, PNG decodes at twice the SVG size`, async () => {
      const svg = await renderSvg(c.spec);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('DejaVu Sans');
      expect(svg).toMatch(/<text[^>]*>[^<]+<\/text>/);
      const size = svgSize(svg);
      expect(size.width).toBeGreaterThan(200);
      const { png, width, height } = svgToPng(svg, 2);
      const decoded = decodePng(png);
      expect([decoded.width, decoded.height]).toEqual([width, height]);
      expect(decoded.width).toBe(Math.ceil(size.width * 2));
      expect(decoded.height).toBe(Math.ceil(size.height * 2));
      // Not a blank image: several distinct byte values in the pixels.
      expect(new Set(decoded.pixels.subarray(0, 200_000)).size).toBeGreaterThan(10);
    });
  }

  it('escapes tenant names inside the SVG text', async () => {
    const heat = report.charts.find((c) => c.name === 'site-sbc-heatmap');
    if (!heat) throw new Error('no heat map');
    const svg = await renderSvg(heat.spec);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });
});
