import { mean } from 'simple-statistics';
import { ScenarioError } from '../errors.js';
import type { BlockRunner } from '../montecarlo/pool.js';
import type { Provenance } from '../reports/summary.js';
import { checkData } from '../scenario/load.js';
import type { OptionResult } from './option-result.js';
import type { OptionsModel } from './options-model.js';
import { replicateOptions } from './replicate-options.js';
import { sensitivityParameters, type ParameterValue } from './sensitivity-parameters.js';

export interface SensitivitySettings {
  seed: number;
  replications: number;
  low: number;
  high: number;
  /** Names of the lease (or hybrid) and the cloud or own option to compare. */
  lease: string;
  against: string;
  parameters: readonly string[];
  /** The GPU type's low and high: catalog rack ids (default gb200-nvl72 and gb300-nvl72). */
  gpuTypes?: readonly [string, string];
}

export type Sensitivity = Awaited<ReturnType<typeof sensitivity>>;

/**
 * An option's net present value at equal work: scaled to all the work asked for (NPV x work /
 * delivered), so an option that left work undone is not made cheap by it. Null when it delivered
 * nothing.
 */
export function npvForAllWorkUsd(x: OptionResult): number | null {
  return x.deliveredFlop > 0 ? (x.npvUsd * x.workFlop) / x.deliveredFlop : null;
}

/**
 * One-at-a-time sensitivity of the lease's savings against another option, at equal work: each
 * parameter at a low and a high value (a factor; the GPU type, a rack), everything else as the
 * scenario has it and on the same random streams (uncertain inputs drawn as usual), ranked by how
 * far the savings swing (a tornado). Savings = the other option's NPV at equal work - the
 * lease's, mean over the paired replications: positive means the lease is cheaper.
 */
export async function sensitivity(model: OptionsModel, s: SensitivitySettings, provenance: Provenance, runner: BlockRunner) {
  const only = [s.lease, s.against].map((name) => model.options.findIndex((o) => o.name === name));
  if (only.some((i) => i < 0)) throw new Error(`sensitivity needs options ${s.lease} and ${s.against}`);
  const chosen = sensitivityParameters.filter((p) => s.parameters.includes(p.name));
  const [gpuLow, gpuHigh] = s.gpuTypes ?? ['gb200-nvl72', 'gb300-nvl72'];
  const values = (name: string): [number | string, number | string] => (name === 'gpu-type' ? [gpuLow, gpuHigh] : [s.low, s.high]);
  checkWrittenParameters(model, chosen.flatMap((p) => ('written' in p ? values(p.name).map((value) => ({ parameter: p.name, value })) : [])));

  const savings = async (parameters: ParameterValue[]): Promise<number> => {
    const reps = await replicateOptions({ ...model, parameters }, { seed: s.seed, replications: s.replications, only }, runner);
    const diffs = reps.map(({ results: [lease, against] }) => (npvForAllWorkUsd(against as OptionResult) ?? NaN) - (npvForAllWorkUsd(lease as OptionResult) ?? NaN));
    return mean(diffs);
  };
  const base = await savings([]);
  const rows = [];
  for (const p of chosen) {
    const [low, high] = values(p.name);
    const lowUsd = await savings([{ parameter: p.name, value: low }]);
    const highUsd = await savings([{ parameter: p.name, value: high }]);
    rows.push({ name: p.name, description: p.description, low, high, lowSavingsUsd: lowUsd, highSavingsUsd: highUsd, swingUsd: Math.abs(highUsd - lowUsd) });
  }
  rows.sort((a, b) => b.swingUsd - a.swingUsd || a.name.localeCompare(b.name));
  return {
    capsim: { version: provenance.version, scenarioHash: provenance.scenarioHash, seed: s.seed, replications: s.replications },
    scenario: model.scenario.name,
    lease: s.lease,
    against: s.against,
    lowFactor: s.low,
    highFactor: s.high,
    baseSavingsUsd: base,
    parameters: rows,
  };
}

/**
 * A parameter that changes the written scenario (racks, hardware, restart, checkpoint) is checked
 * like a scenario at each of its values before anything runs: a cluster cut below a run's racks
 * is refused with its place, not simulated.
 */
export function checkWrittenParameters(model: OptionsModel, values: readonly ParameterValue[]): void {
  const problems = values.flatMap((v) => {
    const parameter = sensitivityParameters.find((p) => p.name === v.parameter);
    if (!parameter || !('written' in parameter)) return [];
    const written = parameter.written(model.uncertainty?.written ?? model.written, v.value);
    return checkData(written, {}).problems.filter((p) => p.severity === 'error').map((p) => ({ ...p, message: `${p.message} (sensitivity ${v.parameter} at ${v.value})` }));
  });
  if (problems.length > 0) throw new ScenarioError(problems);
}
