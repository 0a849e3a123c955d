import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { ScenarioError } from '../errors.js';
import { checkRules } from './rules.js';
import { locate } from './locate.js';
import { normalize } from './normalize.js';
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
}

/**
 * Text -> validated Scenario in three steps: shape (zod), cross-field rules, normalisation.
 * Throws ScenarioError with every problem found, each located in the file. Pure: no I/O.
 */
export function parseScenario(text: string, file: string, options: LoadOptions = {}): LoadedScenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        // prettyErrors fills linePos; the first line of the message is the reason without the excerpt.
        const reason = (e.message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
        return { ...error('yaml-syntax', [], `invalid YAML: ${reason}`), file, ...(pos ? { line: pos.line, column: pos.col } : {}) };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    throw new ScenarioError([{ ...error('empty', [], 'the file is empty; expected a scenario (name, seed, start, end, hardware, cluster, lease, runs)'), file }]);
  }
  const shaped = scenarioSchema.safeParse(data, { reportInput: true });
  const place = (p: Problem) => locate(p, doc, lines, file);
  if (!shaped.success) {
    throw new ScenarioError(problemsFromZod(shaped.error.issues, (path) => keysAt(scenarioSchema, path)).map(place));
  }
  const problems = checkRules(shaped.data).map(place);
  const errors = problems.filter((p) => p.severity === 'error' || options.strict);
  if (errors.length > 0) throw new ScenarioError(problems);
  return { scenario: normalize(shaped.data), written: shaped.data, warnings: problems };
}

/** The only place a scenario file is read. */
export async function loadScenario(path: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
    throw new ScenarioError([{ ...error('unreadable', [], `cannot read scenario: ${reason}`), file: path }]);
  }
  return parseScenario(text, path, options);
}
