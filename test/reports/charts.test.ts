import { describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../reports/buildWeeklyReport.js';
import { LAYER_COLORS } from '../../reports/charts/chartTheme.js';
import { heatCells } from '../../reports/charts/siteSbcHeatmap.js';
import { fakeInput } from './fixtures.js';
import { expectGolden } from './golden.js';

const report = buildWeeklyReport(fakeInput());

describe('chart specs', () => {
  it('builds the five charts in a fixed order', () => {
    expect(report.charts.map((c) => c.name)).toEqual(['daily-auth-failures', 'site-sbc-heatmap', 'client-builds', 'carrier-paths', 'layer-origin']);
  });

  for (const c of report.charts) {
    it(`${c.name} matches its golden spec`, () => {
      expectGolden(`charts/${c.name}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`);
    });
  }

  it('every chart has an accessible title and description and uses DejaVu Sans', () => {
    for (const c of report.charts) {
      expect(c.spec.title).toBeTruthy();
      expect(c.spec.description).toBeTruthy();
      expect(c.spec.config?.font).toBe('DejaVu Sans');
    }
  });

  it('layer colours are the same in the layer chart as in the theme', () => {
    const spec = JSON.stringify(report.charts.find((c) => c.name === 'layer-origin')?.spec);
    for (const color of Object.values(LAYER_COLORS)) expect(spec).toContain(color);
  });

  it('heat map cells are sorted by site then SBC and keep only the top sites', () => {
    const rows = ['b', 'a', 'c'].flatMap((site, i) => ['y', 'x'].map((sbc) => ({ site, sbc, attempts: 100, failures: i * 10 + 1 })));
    const cells = heatCells(rows, 2, 2);
    expect(cells.map((c) => `${c.site}|${c.sbc}`)).toEqual(['a|x', 'a|y', 'c|x', 'c|y']);
  });
});
