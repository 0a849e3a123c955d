import { readBoundedStream, readBoundedText, ReadRefused } from './read-bounded-text.js';
import { attachWeatherFile } from './weather-file-load.js';
import { attachHourlyFiles } from './hourly-file-load.js';
import { attachTraces } from '../workload/trace-load.js';
import { ScenarioError } from '../errors.js';
import { checkRules } from './rules.js';
import { resolveExtends, resolveSingle, type ResolvedScenario } from './extends.js';
import { limits } from './limits.js';
import { normalize } from './normalize.js';
import { parseYamlSafely } from './safe-yaml.js';
import { error, type Problem } from './problems.js';
import { scenarioSchema, type WrittenScenario } from './schema.js';
import { keysAt } from './schema-keys.js';
import { problemsFromZod } from './zod-problems.js';
import type { Scenario } from './scenario.js';

export interface LoadedScenario {
  scenario: Scenario;
  written: WrittenScenario;
  warnings: Problem[];
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
  const shaped = scenarioSchema.safeParse(data, { reportInput: true });
  if (!shaped.success) {
    throw new ScenarioError(problemsFromZod(shaped.error.issues, (path) => keysAt(scenarioSchema, path)).map(place));
  }
  // Under --strict a warning is an error, and says so: the count of errors must include it.
  const problems = checkRules(shaped.data)
    .map(place)
    .map((p) => (options.strict && p.severity === 'warning' ? { ...p, severity: 'error' as const, message: `${p.message} (an error under --strict)` } : p));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ScenarioError(problems);
  return { scenario: normalize(shaped.data), written: shaped.data, warnings: problems };
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
    return { ...loaded, scenario: await attachTraces(await attachHourlyFiles(await attachWeatherFile(loaded.scenario, path), path), path) };
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
