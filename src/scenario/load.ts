import { readBoundedStream, readBoundedText, ReadRefused } from './read-bounded-text.js';
import { attachWeatherFile } from './weather-file-load.js';
import { attachHourlyFiles } from './hourly-file-load.js';
import { readTraceTexts, withTraceJobs } from '../workload/trace-load.js';
import { dirname, resolve } from 'node:path';
import { checkInputRanges } from './check-input-ranges.js';
import { findUncertainInputs } from './find-uncertain-inputs.js';
import { setAt } from './set-at.js';
import type { UncertainInput } from './uncertain-input.js';
import { noFiles, type ScenarioFiles, type Uncertainty } from './uncertainty.js';
import { parseKeyPath, valueAt } from './key-path.js';
import { ScenarioError } from '../errors.js';
import { checkRules } from './rules.js';
import { checkListSizes } from './check-list-sizes.js';
import { normalizeText } from './normalize-text.js';
import { resolveExtends, resolveSingle, type ResolvedScenario } from './extends.js';
import { limits } from './limits.js';
import { normalize } from './normalize.js';
import { parseYamlSafely } from './safe-yaml.js';
import { error, formatPath, type Problem } from './problems.js';
import { scenarioSchema, type WrittenScenario } from './schema.js';
import { keysAt } from './schema-keys.js';
import { problemsFromZod } from './zod-problems.js';
import type { Scenario } from './scenario.js';

export interface LoadedScenario {
  /** With uncertain inputs: each at its nominal value (the median draw). */
  scenario: Scenario;
  written: WrittenScenario;
  warnings: Problem[];
  /** The uncertain inputs and what drawing them needs; null when the scenario has none. */
  uncertainty: Uncertainty | null;
  /** The files it names, as read (to normalise a changed copy without reading them again). */
  files: ScenarioFiles;
}

/** A key whose value the caller chooses within [min, max] (`capsim breakeven --vary`): checked over that range. */
export interface VariedKey {
  path: string;
  min: number;
  max: number;
}

export interface LoadOptions {
  /** Treat warnings as errors. */
  strict?: boolean;
  /** Rewrites the text of the file named (not of the files it extends) before it is parsed: a sweep point's settings. */
  editText?: (text: string) => string;
  /**
   * The text of the file named, already read (standard input, or a string a program holds): it is
   * not read from disk, and what it extends or names resolves from the folder of the path given.
   */
  text?: string;
  /** A key the caller will set within a range: checked at both ends, like an uncertain input. */
  vary?: VariedKey;
}

/**
 * Text -> validated Scenario in three steps: shape (zod), cross-field rules, normalisation.
 * Throws ScenarioError with every problem found, each located in the file. Pure: no I/O.
 */
export function parseScenario(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  const layer = parseYamlSafely(text, file);
  if (layer.problems.length > 0) throw new ScenarioError(layer.problems);
  return validateScenario(resolveSingle(layer), options);
}

/** Shape, rules and normalisation of parsed (and merged) data; problems placed in their file. */
function validateScenario(resolved: ResolvedScenario, options: LoadOptions): LoadedScenario {
  return validateData(resolved.data, resolved.top.file, (p) => resolved.place(p), options);
}

function validateData(data: unknown, file: string, place: (problem: Problem) => Problem, options: LoadOptions): LoadedScenario {
  if (data === null || data === undefined) {
    throw new ScenarioError([{ ...error('empty', [], 'the file is empty; expected a scenario (name, seed, start, end, hardware, cluster, lease, runs)'), file }]);
  }
  const tooLong = checkListSizes(data);
  if (tooLong.length > 0) throw new ScenarioError(tooLong.map(place));
  const text = normalizeText(data);
  const found = findUncertainInputs(text.data, scenarioSchema);
  const varied = options.vary ? variedInput(options.vary, found.data) : null;
  const inputs = found.inputs.filter((i) => i.path !== varied?.input.path);
  if (found.problems.length > 0) throw new ScenarioError([...text.problems, ...found.problems].map(place));
  const nominal = varied ? setAt(found.data, varied.input.segments, varied.input.nominal) : found.data;
  const checked = checkData(nominal, options);
  const problems = [...text.problems, ...checked.problems];
  if (problems.some((p) => p.severity === 'error')) throw new ScenarioError(problems.map(place));
  const ranged = varied ? [...inputs, varied.input] : inputs;
  if (ranged.length > 0) {
    const problems = checkInputRanges(nominal, ranged, (d) => checkData(d, options).problems);
    if (problems.length > 0) throw new ScenarioError(problems.map(place));
  }
  const written = checked.written as WrittenScenario;
  const uncertainty = ranged.length > 0 ? { written, inputs, varied: varied?.input ?? null, files: noFiles } : null;
  return { scenario: normalize(written), written, warnings: problems.map(place), uncertainty, files: noFiles };
}

/** Shape, then cross-field rules (under --strict a warning is an error, and says so). */
export function checkData(data: unknown, options: LoadOptions): { written: WrittenScenario | null; problems: Problem[] } {
  const shaped = scenarioSchema.safeParse(data, { reportInput: true });
  if (!shaped.success) return { written: null, problems: problemsFromZod(shaped.error.issues, (path) => keysAt(scenarioSchema, path)) };
  const problems = checkRules(shaped.data).map((p) =>
    options.strict && p.severity === 'warning' ? { ...p, severity: 'error' as const, message: `${p.message} (an error under --strict)` } : p,
  );
  return { written: shaped.data, problems };
}

/**
 * The varied key as an input ranging over [min, max]: whole when the key takes whole numbers
 * (and then its bounds are rounded), nominally at the value written when that lies in the range.
 */
function variedInput(vary: VariedKey, data: unknown): { input: UncertainInput } {
  const segments = parseKeyPath(vary.path);
  if (!segments) throw new ScenarioError([error('vary-path', [], `expected a key path such as cluster.racks or runs[0].mfu, found "${vary.path}"`)]);
  const probe = findUncertainInputs(setAt(data, segments, { distribution: 'uniform', min: vary.min, max: vary.max }), scenarioSchema);
  const input = probe.inputs.find((i) => i.path === formatPath(segments));
  if (!input) throw new ScenarioError([error('vary-not-number', segments, `expected a key that takes a number, found none at ${vary.path}`)]);
  const written = valueAt(data, segments);
  const nominal = typeof written === 'number' && written >= input.low && written <= input.high ? written : input.nominal;
  return { input: { ...input, nominal } };
}

/** The only place a scenario file is read: it and the files it extends. */
export async function loadScenario(path: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  const { editText: edit, text } = options;
  const readOwn = text === undefined ? readScenarioText : async (file: string) => (file === path ? text : readScenarioText(file));
  const read = edit ? async (file: string) => (file === path ? edit(await readOwn(file)) : readOwn(file)) : readOwn;
  const resolved = await resolveExtends(path, read);
  return attachFiles(validateScenario(resolved, options), path, (p) => resolved.place(p));
}

/**
 * A scenario given as data (an object a program built) rather than text: the same shape, rules
 * and normalisation, with problems at their key paths (there are no lines). `path` names it in
 * problems, and the weather files and traces it names resolve from its folder. `extends` needs
 * text read from a file, so it is refused here.
 */
export async function loadScenarioData(data: unknown, path: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  const place = (p: Problem) => ({ ...p, file: path });
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && Object.hasOwn(data, 'extends')) {
    throw new ScenarioError([place(error('extends-needs-file', ['extends'], 'extends can only be resolved for a scenario read from a file'))]);
  }
  return attachFiles(validateData(data, path, place, options), path, place);
}

async function attachFiles(loaded: LoadedScenario, path: string, place: (problem: Problem) => Problem): Promise<LoadedScenario> {
  try {
    let scenario = await attachHourlyFiles(await attachWeatherFile(loaded.scenario, path), path);
    const traced = (scenario.workload?.traces ?? []).length > 0;
    const texts = traced ? await readTraceTexts(scenario, path) : new Map<string, string>();
    if (traced) scenario = withTraceJobs(scenario, texts, (file) => resolve(dirname(path), file));
    // A replication's scenario is normalised anew from its draws: it keeps what the files held.
    const files = { traceTexts: Object.fromEntries(texts), typicalYear: scenario.facility?.weather.typicalYear ?? null };
    return { ...loaded, scenario, uncertainty: loaded.uncertainty && { ...loaded.uncertainty, files }, files };
  } catch (cause) {
    if (!(cause instanceof ScenarioError)) throw cause;
    // A trace or weather file that cannot be used is placed at the key naming it, like any other
    // problem; problems inside those files already carry their own line.
    throw new ScenarioError(cause.problems.map((p) => (p.line === undefined && p.path.length > 0 ? place(p) : p)));
  }
}

/** A scenario's text from a stream (standard input), bounded like a file; `name` names it in problems. */
export async function readScenarioStream(stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, name: string): Promise<string> {
  return readRefusedAsProblem(name, () => readBoundedStream(stream, limits.maxScenarioBytes));
}

/** A scenario's text, at most limits.maxScenarioBytes of UTF-8; a refusal is a placed problem. */
async function readScenarioText(path: string): Promise<string> {
  return readRefusedAsProblem(path, () => readBoundedText(path, limits.maxScenarioBytes));
}

async function readRefusedAsProblem(path: string, read: () => Promise<string>): Promise<string> {
  try {
    return await read();
  } catch (cause) {
    if (!(cause instanceof ReadRefused)) throw cause;
    const message = {
      unreadable: `cannot read scenario: ${cause.reason}`,
      'too-large': `the file is larger than ${limits.maxScenarioBytes} bytes (2 MiB), the most a scenario may be`,
      'not-utf8': 'the file is not UTF-8 text; expected a YAML or JSON scenario',
    }[cause.refusal];
    throw new ScenarioError([{ ...error(cause.refusal, [], message), file: path }]);
  }
}
