import type { Command } from 'commander';
import type { Io } from './io.js';
import { emit } from './emit.js';
import { outTarget } from './out-target.js';
import { computeOffThread } from './off-thread.js';
import { reportWarnings } from './common.js';
import { ScenarioError } from '../errors.js';
import { error } from '../scenario/problems.js';
import { outputFormat } from './out-format.js';
import { loadScenarioArg } from './scenario-arg.js';

export type SizeOptions = { envelopeMw?: number; envelopeBasis: 'facility' | 'it'; percentile: number; years?: number; seed?: number; format: 'table' | 'json'; out?: string; strict?: boolean };

/** `capsim size` (see size.ts): the racks the envelope runs, computed on the computing thread. */
export async function sizeAction(file: string, opts: SizeOptions, io: Io, command: Command): Promise<void> {
  opts.format = outputFormat(command, ['table', 'json']) as 'table' | 'json';
  const out = outTarget(opts.out);
  const loaded = await loadScenarioArg(file, io, { strict: opts.strict ?? false });
  reportWarnings(io, loaded.warnings);
  if (!loaded.scenario.facility) {
    throw new ScenarioError([{ ...error('no-facility', ['facility'], 'expected a facility section (supply, cooling, site) to size; see the README'), file }]);
  }
  // Nothing is drawn here: an uncertain input is sized at its median draw, and the answer says so.
  const nominalInputs = loaded.uncertainty?.inputs.map((i) => `${i.path} = ${Number(i.nominal.toPrecision(6))}`) ?? [];
  const settings = { envelopeMw: opts.envelopeMw, basis: opts.envelopeBasis, percentile: opts.percentile, years: opts.years ?? 30, seed: opts.seed ?? loaded.scenario.seed, nominalInputs };
  const rendered = await computeOffThread({ kind: 'size', scenario: loaded.scenario, settings, format: opts.format }, io.offThread ?? false);
  emit(io, 'text' in rendered ? rendered.text : '', out);
}
