/** The self-contained HTML report: inline CSS, inline SVG charts, no scripts and no external URLs. */
import { escapeHtml as e, scopeSvgIds } from './escapeHtml.js';
import { fmtInstant, fmtLocalDate } from './formatNumbers.js';
import { captureHtml, clustersHtml, goneHtml, headlineHtml, singleUsersHtml, unmappedHtml } from './htmlSections.js';
import type { WeeklyReport } from './weeklyReport.js';

export interface RenderedChart {
  name: string;
  svg: string;
}

const CSS = `
body{font-family:"DejaVu Sans",Verdana,sans-serif;margin:24px auto;max-width:1100px;color:#222;line-height:1.4}
h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:4px 0}
.meta,.note{color:#555;font-size:13px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f4f4f4}table.num td:not(:first-child){text-align:right}
.badge{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px;white-space:nowrap}
.dim{color:#666;font-size:11px;text-transform:uppercase}.code{font-family:monospace;background:#f4f4f4;padding:0 3px}
.card{border:1px solid #ddd;border-left:6px solid #999;padding:8px 12px;margin:10px 0}
.trend-new,.trend-growing,.level-warn,.level-lost{font-weight:bold;color:#b00}.trend-shrinking,.level-ok{color:#060}
figure{margin:16px 0}figure svg{max-width:100%;height:auto}figcaption{font-size:13px;color:#555}
`;

export function weeklyHtml(r: WeeklyReport, charts: readonly RenderedChart[]): string {
  const figures = r.charts
    .map((c) => {
      const svg = charts.find((x) => x.name === c.name)?.svg;
      if (!svg) return '';
      const inner = scopeSvgIds(svg, c.name).replace(/^<svg/, `<svg role="img" aria-label="${e(c.title)}"`);
      return `<figure id="chart-${e(c.name)}" class="chart">${inner}<figcaption>${e(c.title)}: ${e(c.description)}</figcaption></figure>`;
    })
    .join('\n');
  const tenant = r.tenant ? ` · tenant ${e(r.tenant)}` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Weekly call-setup failure report ${e(r.week)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Weekly call-setup failure report ${e(r.week)}</h1>
<p class="meta">${e(fmtLocalDate(r.window.from, r.timezone))} to ${e(fmtLocalDate(r.window.to, r.timezone, true))} (${e(r.timezone)})${tenant} · failures: ${e(r.failure)} · generated ${e(fmtInstant(r.generated_at))}${r.pseudonymised ? ' · users pseudonymised' : ' · contains clear user names: handle as EUII'}</p>
</header>
<main>
${headlineHtml(r)}
${clustersHtml(r)}
${goneHtml(r)}
<section><h2>Charts</h2>
${figures}
</section>
${singleUsersHtml(r)}
${captureHtml(r)}
${unmappedHtml(r)}
</main>
</body>
</html>
`;
}
