import { stringify } from 'yaml';
import { parseScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/errors.js';
import { formatProblem } from '../../src/scenario/problems.js';
import { aWrittenScenario } from '../builders.js';

/** Every problem a facility section raises, formatted as the CLI prints them (empty: valid). */
export function problemsOf(facility: unknown, overrides: Record<string, unknown> = {}): string[] {
  const text = stringify({ ...aWrittenScenario(), ...overrides, facility });
  try {
    parseScenario(text, 'bad.yaml');
  } catch (cause) {
    if (cause instanceof ScenarioError) return cause.problems.map(formatProblem);
    throw cause;
  }
  return [];
}
