/**
 * Chart rendering: Vega-Lite spec → SVG (vega View, renderer 'none', no canvas) → PNG (resvg with the
 * DejaVu fonts shipped through npm, never system fonts, so the text is the same on every machine).
 */
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CqdError, errorMessage } from '../core/errors.js';
import { CHART_FONT } from './charts/chartTheme.js';

const require = createRequire(import.meta.url);

/** Absolute paths of the DejaVu Sans TTFs from the dejavu-fonts-ttf package. */
export function fontFiles(): string[] {
  return [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')];
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  let view: View | undefined;
  try {
    const compiled = compile(spec, { logger: silentLogger() }).spec;
    view = new View(parse(compiled), { renderer: 'none', logLevel: 0 });
    return await view.toSVG();
  } catch (e) {
    throw new CqdError(`cannot render chart '${typeof spec.title === 'object' && spec.title && 'text' in spec.title ? String(spec.title.text) : ''}': ${errorMessage(e)}`, 1, { cause: e });
  } finally {
    view?.finalize();
  }
}

/** PNG of an SVG at `scale` × its size. */
export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const r = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
  });
  const img = r.render();
  return { png: img.asPng(), width: img.width, height: img.height };
}

/** Width and height attributes of the root <svg> element. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 0), height: Number(m?.[2] ?? 0) };
}

function silentLogger() {
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error() {
      return logger;
    },
    warn() {
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}
