import type { Provenance } from '../reports/summary.js';
import type { Resolution } from '../reports/series.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { SizeOptions } from '../facility/size-scenario.js';
import type { ReplicationsInput } from '../reports/html/replications.js';
import type { DiffSettings } from '../montecarlo/diff.js';
import { Interrupted } from './interrupt.js';

/** What a command computes, as plain data a worker thread can be given (see off-thread.ts). */
export type ComputeTask =
  | { kind: 'run'; scenario: Scenario; written: WrittenScenario; inputs: Record<string, number> | null; seed: number | undefined; provenance: Provenance; format: 'table' | 'json' | 'md' | 'csv' | 'html'; resolution: Resolution; series: boolean; colour: boolean }
  | { kind: 'size'; scenario: Scenario; settings: SizeOptions; format: 'table' | 'json' }
  | { kind: 'replications-html'; scenario: Scenario; seed: number; provenance: Provenance; input: ReplicationsInput; sections: Record<string, unknown> }
  | { kind: 'diff'; a: Scenario; b: Scenario; settings: Omit<DiffSettings, 'onProgress'>; sides: { a: Provenance; b: Provenance }; format: 'table' | 'json'; all: boolean };

/** A rendered report: one text, or the CSV tables by name. */
export type Rendered = { text: string } | { tables: Record<string, string> };

export interface ComputeHooks {
  onProgress?: (done: number, total: number) => void;
  /** Ctrl-C: asked between simulations and, inside one, every few thousand events. */
  shouldStop?: () => boolean;
}

/** Simulate and render: everything a command does between reading its input and writing. */
export async function compute(task: ComputeTask, hooks: ComputeHooks = {}): Promise<Rendered> {
  const stop = hooks.shouldStop ?? (() => false);
  // Between simulations: a run's comparison of options and diff report progress after each one.
  const progress = (done: number, total: number) => {
    if (stop()) throw new Interrupted();
    hooks.onProgress?.(done, total);
  };
  switch (task.kind) {
    case 'run': {
      const [{ simulateScenario }, { leaseScenario }, { summarize }, { renderReport }] = await Promise.all([
        import('../simulation/simulate-scenario.js'),
        import('../procurement/lease-scenario.js'),
        import('../reports/summary.js'),
        import('./render-report.js'),
      ]);
      // The cluster as the lease delivers it: its ramp-in, and its end if notice is given.
      const record = simulateScenario(leaseScenario(task.scenario, task.scenario.lease), { ...(task.seed === undefined ? {} : { seed: task.seed }), shouldStop: stop });
      const summary = summarize(record, task.provenance, task.inputs);
      return renderReport(task, summary, record, progress);
    }
    case 'size': {
      const [{ sizeScenario }, { renderSizing }] = await Promise.all([import('../facility/size-scenario.js'), import('../reports/render-sizing.js')]);
      const sizing = sizeScenario(task.scenario, task.settings);
      return { text: task.format === 'json' ? JSON.stringify(sizing, null, 2) + '\n' : renderSizing(sizing) };
    }
    case 'diff': {
      const [{ diffScenarios }, { renderDiffTable }, { checkMetrics }] = await Promise.all([import('../montecarlo/diff.js'), import('../montecarlo/render-diff.js'), import('../montecarlo/check-metrics.js')]);
      // A --metric that selects nothing is a typo, not a request for an empty report: refused on one replication of a, before the diff runs.
      await checkMetrics(task.settings.metrics, { scenario: task.a, seed: task.settings.seed, provenance: task.sides.a });
      const report = diffScenarios(task.a, task.b, { ...task.settings, onProgress: progress }, task.sides);
      return { text: task.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderDiffTable(report, task.all) };
    }
    case 'replications-html': {
      const { renderReplicationsHtml } = await import('../reports/html/replications-page.js');
      return { text: await renderReplicationsHtml(task.scenario, task.seed, task.provenance, task.input, task.sections) };
    }
  }
}
