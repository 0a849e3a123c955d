import { createRequire } from 'node:module';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

// The rules are .dependency-cruiser.cjs's (the layers and no circles); this runs them on src/.
const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

describe('the imports of src/', () => {
  it('point down the layers and never come back to where they started (type-only imports aside)', async () => {
    const result = await cruise(['src'], { validate: true, ruleSet: rules, ...rules.options, outputType: 'json' });
    // The json reporter's output is the cruise result as text.
    const output = JSON.parse(result.output as string) as ICruiseResult;
    expect(output.summary.totalCruised).toBeGreaterThan(300);
    const violations = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' -> ')})` : ''}`);
    expect(violations).toEqual([]);
  }, 120_000);
});
