import { ScenarioError } from '../errors.js';
import { loadScenario as loadFile, loadScenarioData, type LoadOptions as FileLoadOptions, type LoadedScenario as Validated } from '../scenario/load.js';
import type { Problem } from '../scenario/problems.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { ScenarioFiles, Uncertainty } from '../scenario/uncertainty.js';

/**
 * Where a scenario comes from: a file path (what it extends, its traces and weather files resolve
 * from its folder); YAML or JSON text, named `file` in problems (what it extends or names resolves
 * from that path's folder; default `<text>`, the working directory); or an object a program built
 * (`extends` is refused: there is no file to resolve it from).
 */
export type ScenarioSource = string | { file: string } | { text: string; file?: string } | { data: unknown; file?: string };

export interface LoadOptions {
  /** Treat warnings (valid but implausible values) as errors, as `--strict` does. */
  strict?: boolean;
}

/** A valid scenario, ready to simulate. */
export interface LoadedScenario {
  ok: true;
  /** What the program uses: defaults applied, catalog entries resolved, dates as ticks. */
  scenario: Scenario;
  /** What the source said, validated (its sha256 is the reports' `scenarioHash`). */
  written: WrittenScenario;
  /** Valid but implausible values, each with a reason. */
  warnings: Problem[];
  /** The inputs written as distributions (drawn once per replication), or null when there are none. */
  uncertainty: Uncertainty | null;
  /** The trace and weather files it names, as read at load time. */
  files: ScenarioFiles;
  /** The source, kept so that a sweep can set keys in it and load each point the same way. */
  source: NormalizedSource;
  strict: boolean;
}

/** A scenario that cannot be used: every problem at once, each with its key path (and file, line, column from text). */
export interface InvalidScenario {
  ok: false;
  problems: Problem[];
}

export type LoadResult = LoadedScenario | InvalidScenario;

export type NormalizedSource = { kind: 'file'; file: string } | { kind: 'text'; text: string; file: string } | { kind: 'data'; data: unknown; file: string };

/**
 * Load and validate a scenario. Invalid input is returned as data (`ok: false` with its
 * problems), never thrown and never an exit; only a bug in capsim throws.
 */
export async function loadScenario(source: ScenarioSource, options: LoadOptions = {}): Promise<LoadResult> {
  const normalized = normalizeSource(source);
  const strict = options.strict ?? false;
  try {
    const loaded = await loadSource(normalized, { strict });
    return { ok: true, ...loaded, source: normalized, strict };
  } catch (cause) {
    if (cause instanceof ScenarioError) return { ok: false, problems: cause.problems };
    throw cause;
  }
}

/** Load a normalised source, with `editText`/`editData` applied (a sweep point's keys); throws ScenarioError. */
export function loadSource(source: NormalizedSource, options: FileLoadOptions & { editData?: (data: unknown) => unknown }): Promise<Validated> {
  const { editData, ...rest } = options;
  switch (source.kind) {
    case 'file':
      return loadFile(source.file, rest);
    case 'text':
      return loadFile(source.file, { ...rest, text: source.text });
    case 'data':
      return loadScenarioData(editData ? editData(source.data) : source.data, source.file, rest);
  }
}

function normalizeSource(source: ScenarioSource): NormalizedSource {
  if (typeof source === 'string') return { kind: 'file', file: source };
  if ('text' in source) return { kind: 'text', text: source.text, file: source.file ?? '<text>' };
  if ('data' in source) return { kind: 'data', data: source.data, file: source.file ?? '<data>' };
  return { kind: 'file', file: source.file };
}
