import { boundedQuantile } from '../random/distributions.js';
import { createRng } from '../random/rng.js';
import type { TypicalYear } from '../facility/weather-file.js';
import { withTraceJobs } from '../workload/trace-load.js';
import { normalize } from './normalize.js';
import type { Scenario } from './scenario.js';
import type { WrittenScenario } from './schema.js';
import { setAll } from './set-at.js';
import type { UncertainInput } from './uncertain-input.js';

/**
 * What a scenario with uncertain inputs needs to become one replication's scenario: the written
 * scenario with each input at its nominal value, the inputs, and the files it names as read at
 * load time (so a replication reads nothing; worker threads get all of it as data).
 */
export interface Uncertainty {
  written: WrittenScenario;
  inputs: UncertainInput[];
  /** A key set to a value chosen by the caller (`capsim breakeven --vary`), checked over its range at load. */
  varied: UncertainInput | null;
  files: ScenarioFiles;
}

/** The files a scenario names, as read at load time: a scenario normalised again needs no reading. */
export interface ScenarioFiles {
  traceTexts: Record<string, string>;
  typicalYear: TypicalYear | null;
}

export const noFiles: ScenarioFiles = { traceTexts: {}, typicalYear: null };

/** A written scenario normalised as at load time, with the files it names attached from `files`. */
export function normalizeWithFiles(written: WrittenScenario, files: ScenarioFiles): Scenario {
  let scenario = normalize(written);
  if (scenario.workload && scenario.workload.traces.length > 0) scenario = withTraceJobs(scenario, new Map(Object.entries(files.traceTexts)));
  if (scenario.facility && files.typicalYear) scenario = { ...scenario, facility: { ...scenario.facility, weather: { ...scenario.facility.weather, typicalYear: files.typicalYear } } };
  return scenario;
}

/** One replication's scenario, and the written scenario it was normalised from. */
export interface Realized {
  scenario: Scenario;
  written: WrittenScenario;
}

/** The stream an input draws from: one uniform number per replication. */
export function inputStream(input: Pick<UncertainInput, 'path'>): string {
  return `input:${input.path}`;
}

/** Each input's value in replication r (rounded to whole numbers where the key takes them). */
export function drawInputs(inputs: readonly UncertainInput[], seed: number, replication: number): number[] {
  return inputs.map((input) => inputValue(input, createRng(seed, replication, inputStream(input))()));
}

/** An input's value at the uniform draw u. */
export function inputValue(input: UncertainInput, u: number): number {
  const x = boundedQuantile(input.distribution, u);
  return input.whole ? Math.floor(x + 0.5) : x;
}

/**
 * The scenario with each input at its value (and the varied key at `variedValue`), normalised
 * as at load time. Every value was checked at load time, at the ends of each input's range, so
 * normalising cannot fail here.
 */
export function realizeScenario(u: Uncertainty, values: readonly number[], variedValue?: number): Realized {
  const settings = u.inputs.map((input, i) => ({ segments: input.segments, value: values[i] }));
  if (u.varied && variedValue !== undefined) settings.push({ segments: u.varied.segments, value: u.varied.whole ? Math.floor(variedValue + 0.5) : variedValue });
  const written = setAll(u.written, settings) as WrittenScenario;
  return { scenario: normalizeWithFiles(written, u.files), written };
}

/** One replication's scenario, with the inputs drawn for it (by key path), or the scenario itself when nothing is uncertain. */
export interface ScenarioAt extends Realized {
  inputs: Record<string, number> | null;
}

/**
 * The scenario of replication r at this seed: with uncertain inputs, each drawn from its stream
 * and substituted; without any, the loaded scenario itself (the same object: nothing is redone).
 */
export function scenarioAt(loaded: { scenario: Scenario; written: WrittenScenario; uncertainty: Uncertainty | null }, seed: number, replication: number, variedValue?: number): ScenarioAt {
  const u = loaded.uncertainty;
  if (!u) return { scenario: loaded.scenario, written: loaded.written, inputs: null };
  const values = drawInputs(u.inputs, seed, replication);
  return { ...realizeScenario(u, values, variedValue), inputs: inputsByPath(u.inputs, values) };
}

/** The inputs' values by key path, as reports show them; null when there are no inputs. */
export function inputsByPath(inputs: readonly UncertainInput[], values: readonly number[]): Record<string, number> | null {
  return inputs.length > 0 ? Object.fromEntries(inputs.map((input, i) => [input.path, values[i] as number])) : null;
}

/** An uncertain input as reports list it: its key path, distribution and the range of its draws. */
export interface InputDescription {
  path: string;
  distribution: UncertainInput['distribution'];
  whole: boolean;
  low: number;
  high: number;
}

/** The uncertain inputs as reports list them (the varied key of `breakeven` is not one of them). */
export function describeInputs(u: Uncertainty | null): InputDescription[] {
  return (u?.inputs ?? []).map((i) => ({ path: i.path, distribution: i.distribution, whole: i.whole, low: i.low, high: i.high }));
}
