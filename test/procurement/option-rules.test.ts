import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { formatPath } from '../../src/scenario/problems.js';
import { parseScenario } from '../../src/scenario/load.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import type { WrittenOption } from '../../src/procurement/option-schema.js';
import { aWrittenScenario } from '../builders.js';

function problemsOf(options: unknown[]): string[] {
  try {
    parseScenario(JSON.stringify({ ...aWrittenScenario(), options }), 'test.json');
    return [];
  } catch (cause) {
    if (!(cause instanceof ScenarioError)) throw cause;
    return cause.problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
  }
}

describe('options section', () => {
  it('is optional: a scenario without it compares its lease with hyperscaler on-demand', () => {
    const loaded = parseScenario(JSON.stringify(aWrittenScenario()), 'test.json');
    const options = resolveOptions(loaded.written, loaded.scenario);
    expect(options.map((o) => `${o.name}:${o.kind}`)).toEqual(['lease:lease', 'on-demand:on-demand']);
    expect(options[1]?.kind === 'on-demand' && options[1].price.steps[0]?.usdPerGpuHour).toBe(14.24);
  });

  it('takes prices from the catalog offer unless a price is given', () => {
    const written: WrittenOption[] = [
      { name: 'a', kind: 'spot', offer: 'hyperscaler-b200-spot' },
      { name: 'b', kind: 'spot', offer: 'hyperscaler-b200-spot', priceUsdPerGpuHour: 1, preemptionsPerGpuHour: 0.5 },
    ];
    const loaded = parseScenario(JSON.stringify(aWrittenScenario({ options: written })), 'test.json');
    const [a, b] = resolveOptions(loaded.written, loaded.scenario);
    expect(a?.kind === 'spot' && [a.price.steps[0]?.usdPerGpuHour, a.noticeMinutes]).toEqual([5.09, 2]);
    expect(a?.kind === 'spot' && a.preemptionsPerGpuHour).toBeCloseTo(-Math.log(0.85) / 730 / 8, 15);
    expect(b?.kind === 'spot' && [b.price.steps[0]?.usdPerGpuHour, b.preemptionsPerGpuHour]).toEqual([1, 0.5]);
  });

  it('reports every problem at once: names, prices, references, schedules, commitments', () => {
    const problems = problemsOf([
      { name: 'x', kind: 'lease', monthlyUsd: 1, schedule: [{ from: '2026-07-05', monthlyUsd: 1 }, { from: '2026-07-02', monthlyUsd: 2 }] },
      { name: 'x', kind: 'on-demand' },
      { name: 'r', kind: 'reserved', committedGpus: 100, capacityGpus: 50, priceUsdPerGpuHour: 1, overflowOffer: 'nope' },
      { name: 's', kind: 'spot', offer: 'specialist-b200-on-demand' },
      { name: 'h', kind: 'hybrid', lease: 'x', burst: 'h', burstAfterDays: 1 },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'options[0].schedule[0].from: expected the first step on the start (2026-07-01), found 2026-07-05',
        'options[0].schedule[1].from: expected a date after the previous step, found 2026-07-02',
        'options[0].schedule: expected either monthlyUsd or schedule, not both',
        'options[1].name: expected a unique option name, found "x" twice',
        expect.stringMatching(/^options\[1\]\.priceUsdPerGpuHour: expected priceUsdPerGpuHour or an offer/),
        'options[2].capacityGpus: expected capacityGpus >= committedGpus (100), found 50',
        expect.stringMatching(/^options\[2\]\.overflowOffer: unknown cloud offer "nope"/),
        'options[3].preemptionsPerGpuHour: expected preemptionsPerGpuHour: offer "specialist-b200-on-demand" is not a spot offer',
        'options[4].burst: expected the name of an on-demand, reserved, block or spot option, found "h"',
      ]),
    );
  });

  it('refuses an unknown kind, naming the kinds it knows', () => {
    expect(problemsOf([{ name: 'k', kind: 'rental' }]).join('\n')).toContain('expected kind: lease, on-demand, reserved, block, spot, hybrid or own');
  });
});
