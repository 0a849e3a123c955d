import { InvalidArgumentError, Option } from 'commander';
import type { Io } from './io.js';
import { formatProblem, type Problem } from '../scenario/problems.js';

export function parseWholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number >= 0, found "${value}"`);
  return n;
}

export function seedOption(): Option {
  return new Option('-s, --seed <n>', "root seed (default: the scenario's seed)").argParser(parseWholeNumber);
}

export function strictOption(): Option {
  return new Option('--strict', 'treat warnings (implausible values) as errors');
}

export function reportWarnings(io: Io, problems: readonly Problem[]): void {
  for (const p of problems) if (p.severity === 'warning') io.stderr(`${formatProblem(p)}\n`);
}
