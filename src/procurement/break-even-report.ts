import type { BlockRunner } from '../montecarlo/pool.js';
import type { Provenance } from '../reports/summary.js';
import { describeInputs } from '../scenario/uncertainty.js';
import type { OptionResult } from './option-result.js';
import type { OptionsModel } from './options-model.js';
import { replicateOptions } from './replicate-options.js';
import { npvForAllWorkUsd } from './sensitivity.js';
import { solveBreakEven } from './solve-break-even.js';

export interface BreakEvenRequest {
  /** A key path of the scenario (`cluster.racks`) or a sensitivity parameter's name (`utilization`), whose value is a factor. */
  vary: string;
  kind: 'key' | 'parameter';
  between: readonly [string, string];
  low: number;
  high: number;
  whole: boolean;
  tolerance: number;
  seed: number;
  replications: number;
}

export type BreakEven = Awaited<ReturnType<typeof breakEvenReport>>;

/**
 * `capsim breakeven`: the value of one input at which two options cost the same, at equal work
 * (each option's NPV scaled to all the work asked), mean over the paired replications (common
 * random numbers: every value is simulated on the same draws), found by bisection on the
 * simulated costs; and the same solved replication by replication for its interval.
 */
export async function breakEvenReport(model: OptionsModel, req: BreakEvenRequest, provenance: Provenance, runner: BlockRunner) {
  const only = req.between.map((name) => model.options.findIndex((o) => o.name === name));
  if (only.some((i) => i < 0)) throw new Error(`breakeven needs options ${req.between.join(' and ')}`);
  const at = (v: number): OptionsModel => (req.kind === 'key' ? { ...model, variedValue: v } : { ...model, parameters: [...(model.parameters ?? []), { parameter: req.vary, value: v }] });
  const difference = ({ results: [a, b] }: { results: OptionResult[] }) => (npvForAllWorkUsd(a as OptionResult) ?? NaN) - (npvForAllWorkUsd(b as OptionResult) ?? NaN);
  const solution = await solveBreakEven(
    async (v, reps) => {
      if (reps.length === req.replications) return (await replicateOptions(at(v), { seed: req.seed, replications: req.replications, only }, runner)).map(difference);
      const blocks = await Promise.all(reps.map((r) => runner.runOptions({ kind: 'options', model: at(v), seed: req.seed, from: r, to: r + 1, only })));
      return blocks.map((block) => difference(block[0] as { results: OptionResult[] }));
    },
    { low: req.low, high: req.high, whole: req.whole, tolerance: req.tolerance, replications: req.replications },
  );
  const inputs = describeInputs(model.uncertainty ?? null);
  const [a, b] = req.between;
  return {
    capsim: { version: provenance.version, scenarioHash: provenance.scenarioHash, seed: req.seed, replications: req.replications },
    scenario: model.scenario.name,
    vary: req.vary,
    kind: req.kind,
    between: [a, b] as [string, string],
    range: [req.low, req.high] as [number, number],
    whole: req.whole,
    tolerance: req.tolerance,
    ...(inputs.length > 0 ? { uncertainInputs: inputs } : {}),
    value: solution.value,
    bracket: solution.bracket,
    cheaperBelow: solution.cheaperBelow === null ? null : solution.cheaperBelow === 'a' ? a : b,
    cheaperAbove: solution.cheaperBelow === null ? null : solution.cheaperBelow === 'a' ? b : a,
    cheaperThroughout: solution.value !== null ? null : (solution.probes[0]?.differenceUsd ?? 0) < 0 ? a : b,
    byReplication: solution.byReplication,
    probes: solution.probes,
  };
}
