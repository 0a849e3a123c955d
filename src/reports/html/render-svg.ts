import { compile, type TopLevelSpec } from 'vega-lite';
import { logger, None, parse, View } from 'vega';

/**
 * A vega-lite spec rendered to a static SVG string in Node: compiled to vega, run headless
 * (renderer `none`: no browser, no canvas), serialised. The SVG is self-contained, so the page
 * needs no script and no network to show it. Warnings stay silent: a report writes only its file.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec, { logger: logger(None) }).spec), { renderer: 'none', logLevel: None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
