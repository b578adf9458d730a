import { describe, expect, it } from 'vitest';
import { buildWeeklyReport } from '../../reports/buildWeeklyReport.js';
import { escapeHtml, escapeMarkdown, scopeSvgIds } from '../../reports/escapeHtml.js';
import { weeklyHtml } from '../../reports/weeklyHtml.js';
import { renderCharts } from '../../reports/writeWeeklyReport.js';
import { EVIL, fakeInput } from './fixtures.js';

const report = buildWeeklyReport(fakeInput());
const html = weeklyHtml(report, await renderCharts(report));

describe('weekly HTML', () => {
  it('escapes every name from tenant data: a <script> building renders as text', () => {
    expect(html).not.toContain(EVIL);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('EMEA/DE/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('tenant Contoso &lt;demo&gt;');
  });

  it('has no external URLs (only SVG namespace declarations)', () => {
    const stripped = html.replace(/\sxmlns(:\w+)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    expect(stripped).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\s(src|href)="(?!#)/);
  });

  it('inlines the five charts with unique ids and accessible labels', () => {
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).toContain('aria-label="Failure rate by site and SBC"');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
  });

  it('lists clusters and single users in tables and shows capture health and unmapped subnets', () => {
    expect(html).toContain('<table class="clusters">');
    expect(html).toContain('<table class="users">');
    expect(html).toContain('u_3f9a1c0d');
    expect(html).toContain('directRoutingCalls');
    expect(html).toContain('10.20.30.0');
  });
});

describe('escaping helpers', () => {
  it('escape HTML and Markdown markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeMarkdown('a|b *c* [l](u) <i>\nx')).toBe('a\\|b \\*c\\* \\[l\\](u) &lt;i&gt; x');
  });

  it('prefix SVG ids and their references', () => {
    expect(scopeSvgIds('<g id="clip1"><path clip-path="url(#clip1)"/><use href="#clip1"/></g>', 'a b')).toBe(
      '<g id="a_b-clip1"><path clip-path="url(#a_b-clip1)"/><use href="#a_b-clip1"/></g>',
    );
  });
});
