import { limits } from './limits.js';
import { error, formatPath, type PathSegment, type Problem } from './problems.js';

/**
 * Lists too long to validate item by item, found before the schema runs: a file of a million empty
 * runs took 97 s and 3 GB to list 1.8 million problems. Named runs are planned one by one (at most
 * limits.maxRuns; jobs by the thousand belong in a stream or trace); any other list holds at most
 * limits.maxListItems (long empirical distributions fit).
 */
export function checkListSizes(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (Array.isArray(value)) {
      const runs = path.length === 1 && path[0] === 'runs';
      const most = runs ? limits.maxRuns : limits.maxListItems;
      if (value.length > most) {
        const why = runs ? 'named runs are planned one by one; give thousands of jobs as a workload stream or trace' : 'a list this long is not a plan';
        problems.push(error('list-too-long', path, `expected at most ${most.toLocaleString('en-US')} items in ${formatPath(path)}, found ${value.length.toLocaleString('en-US')} (${why})`));
        continue;
      }
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) stack.push({ value: v, path: [...path, key] });
    }
  }
  return problems;
}
