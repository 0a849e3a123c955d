import { optionSections } from './option-sections.js';
import type { RunRecord } from '../simulation/record.js';
import type { Summary } from '../reports/summary.js';
import type { Resolution } from '../reports/series.js';
import type { Doc } from '../reports/doc.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { Rendered } from './compute.js';

export interface RenderOptions {
  format: 'table' | 'json' | 'md' | 'csv' | 'html';
  resolution: Resolution;
  /** With json: add the time series. */
  series: boolean;
  colour: boolean;
  scenario: Scenario;
  written: WrittenScenario;
}

type Progress = (done: number, total: number) => void;

/** A single run's report in the chosen format: everything is rendered before anything is written. */
export async function renderReport(opts: RenderOptions, summary: Summary, record: RunRecord, onProgress: Progress): Promise<Rendered> {
  switch (opts.format) {
    case 'json':
    case 'table': {
      const { renderJson, renderTable } = await import('../reports/table.js');
      if (opts.format === 'table' && hasOptions(opts)) {
        const { textDoc } = await import('../reports/doc.js');
        const extra = (await alternativesSection(opts, record.seed, textDoc, onProgress)).join('\n');
        return { text: renderTable(summary, { colour: opts.colour }) + '\n' + extra + '\n' };
      }
      if (opts.format === 'json' && opts.series) {
        const { seriesSections } = await import('../reports/series-sections.js');
        return { text: renderJson({ ...summary, ...seriesSections(record, opts.resolution) }) };
      }
      return { text: opts.format === 'json' ? renderJson(summary) : renderTable(summary, { colour: opts.colour }) };
    }
    case 'md': {
      const { renderMarkdown } = await import('../reports/markdown.js');
      if (hasOptions(opts)) {
        const { markdownDoc } = await import('../reports/doc.js');
        return { text: renderMarkdown(summary) + '\n## ' + (await alternativesSection(opts, record.seed, markdownDoc, onProgress)).join('\n').replace(/^### /, '') };
      }
      return { text: renderMarkdown(summary) };
    }
    case 'html': {
      const [{ renderHtml }, { reportData }] = await Promise.all([import('../reports/html/page.js'), import('../reports/html/report-data.js')]);
      const sections = hasOptions(opts) ? await comparisonSections(opts, record.seed, onProgress) : {};
      return { text: await renderHtml(reportData(summary, record, sections)) };
    }
    case 'csv': {
      const { renderCsvTables } = await import('../reports/csv.js');
      return { tables: renderCsvTables(summary, record, opts.resolution) };
    }
  }
}

export function hasOptions(opts: Pick<RenderOptions, 'written'>): boolean {
  const options = (opts.written as { options?: unknown }).options;
  return Array.isArray(options) && options.length > 0;
}

/** The scenario's options compared at the run's seed, one replication each, so the lease figures match the run's. */
async function comparison(opts: RenderOptions, seed: number, onProgress: Progress) {
  const [{ resolveOptions }, { compareOptions }] = await Promise.all([import('../procurement/resolve-options.js'), import('../procurement/compare.js')]);
  const ctx = { scenario: opts.scenario, written: opts.written };
  return compareOptions(ctx, resolveOptions(opts.written, opts.scenario), { seed, replications: 1, onProgress }, { version: '', scenarioHash: '' });
}

/** What the same runs cost bought each way, at the run's seed: the report's last section. */
async function alternativesSection(opts: RenderOptions, seed: number, doc: Doc, onProgress: Progress): Promise<string[]> {
  const [{ alternatives }, { renderAlternatives }] = await Promise.all([import('../procurement/alternatives.js'), import('../procurement/render-alternatives.js')]);
  return renderAlternatives(alternatives(await comparison(opts, seed, onProgress), opts.scenario), doc);
}

/**
 * A scenario with procurement options gets them compared in its HTML report: their cost per run
 * and the lease against cloud chart.
 */
async function comparisonSections(opts: RenderOptions, seed: number, onProgress: Progress): Promise<Record<string, unknown>> {
  return optionSections(await comparison(opts, seed, onProgress));
}
