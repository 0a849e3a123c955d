import type { Problem } from './scenario/problems.js';

/** Invalid input: every problem found, at once. The CLI renders them and exits with code 2. */
export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`invalid scenario: ${problems.filter((p) => p.severity === 'error').length} problem(s)`);
    this.name = 'ScenarioError';
  }
}

/** A bug in capsim, not in the input. The CLI asks the user to report it and exits with code 1. */
export class InternalError extends Error {
  override name = 'InternalError';
}
