import type { core } from 'zod';
import { describeValue, error, printable, type PathSegment, type Problem } from './problems.js';
import { didYouMean } from './suggest.js';

type Issue = core.$ZodIssue;

/**
 * zod issues -> problems with capsim's wording: what was expected and what was found. Unknown
 * keys become one problem each, pointing at the key, with a "did you mean" from the keys that
 * the object accepts.
 */
export function problemsFromZod(issues: readonly Issue[], knownKeysAt: (path: PathSegment[]) => string[]): Problem[] {
  return issues.flatMap((issue) => fromIssue(issue, [], knownKeysAt));
}

function fromIssue(issue: Issue, prefix: PathSegment[], knownKeysAt: (path: PathSegment[]) => string[]): Problem[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const found = `found ${describeValue(issue.input)}`;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return [error('missing-key', path, `${expectation(issue)}; the key is missing`)];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        error('unknown-key', [...path, key], `unknown key "${printable(key)}"${didYouMean(key, knownKeysAt(path)) || `; expected one of ${knownKeysAt(path).join(', ')}`}`),
      );
    case 'invalid_union': {
      // When one branch got past its type check, its own issues say more than "no branch fit".
      const deeper = issue.errors.find((branch) => branch.some((b) => b.path.length > 0 && b.code !== 'invalid_union'));
      if (deeper) return deeper.flatMap((b) => fromIssue(b, path, knownKeysAt));
      const discriminator = issue.errors.flat().find((b) => b.code === 'invalid_union' && b.errors.length === 0);
      if (discriminator) return fromIssue(discriminator, path, knownKeysAt);
      return [error('invalid', path, `${issue.message}, ${found}`)];
    }
    case 'invalid_type':
      return [error('invalid-type', path, `${expectation(issue)}, ${found}`)];
    case 'invalid_value': {
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
      return [error('invalid-value', path, `${expectation(issue)}, ${found}${hint}`)];
    }
    default:
      return [error('invalid', path, `${expectation(issue)}, ${found}`)];
  }
}

const typeNames: Record<string, string> = { object: 'a mapping', array: 'a list', number: 'a number', string: 'a string', boolean: 'true or false' };

/** Messages written in the schema start with "expected"; zod's own are reworded to match. */
function expectation(issue: Issue): string {
  if (issue.message.startsWith('expected')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${typeNames[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'at least' : issue.inclusive ? '>=' : '>'} ${issue.minimum}${issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `expected ${issue.origin === 'array' ? 'at most' : issue.inclusive ? '<=' : '<'} ${issue.maximum}${issue.origin === 'array' ? ' items' : ''}`;
    default:
      return issue.message.toLowerCase();
  }
}
