import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { formatPath } from '../../src/scenario/problems.js';
import { parseScenario } from '../../src/scenario/load.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import type { WrittenOption } from '../../src/scenario/option-schema.js';
import { aWrittenScenario } from '../builders.js';
import { cloudOffers } from '../../src/catalog/cloud-prices.js';
import { rackCatalog } from '../../src/catalog/racks.js';

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

describe('lease section and the new options', () => {
  function problemsOfScenario(overrides: Record<string, unknown>): string[] {
    try {
      parseScenario(JSON.stringify({ ...aWrittenScenario(), ...overrides }), 'test.json');
      return [];
    } catch (cause) {
      if (!(cause instanceof ScenarioError)) throw cause;
      return cause.problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
    }
  }

  it('reports every problem of the lease, its fallback and the new kinds at once', () => {
    const problems = problemsOfScenario({
      end: '2026-09-30',
      cluster: { phases: [{ from: '2026-07-01', racks: 8 }] },
      lease: {
        rampIn: { steps: [{ from: '2026-07-01', racks: 9 }, { from: '2026-07-10', racks: 4 }], fees: 'pro-rata' },
        fallback: 'nowhere',
      },
      options: [
        { name: 'lease', kind: 'lease', fallback: 'lease' },
        { name: 'own', kind: 'own', capexUsdPerRack: 1 },
        { name: 'res', kind: 'reserved', priceUsdPerGpuHour: 1, committedGpus: 8, termMonths: 1 },
        { name: 'blk', kind: 'block', priceUsdPerGpuHour: 1, blocks: [{ from: '2026-09-25', days: 10, gpus: 8 }] },
        { name: 'up', kind: 'on-demand', priceUsdPerGpuHour: 1, upgrade: { from: '2027-01-01', offer: 'nebius-b30' } },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'lease.monthlyUsd: expected the monthly fee: monthlyUsd, or schedule: [{from, monthlyUsd}]; the key is missing',
        "lease.rampIn.steps[0].racks: expected at most the cluster's 8 racks (the lease's full capacity), found 9",
        "lease.rampIn.steps[1].racks: expected racks >= the previous step's 9, found 4 (a ramp-in only adds capacity)",
        "lease.rampIn: expected either lease.rampIn or cluster.phases, not both: the ramp-in is the leased cluster's capacity over time (give cluster.racks, its full size)",
        'lease.fallback: expected the name of a cloud or own option (own, res, blk, up), found "nowhere"',
        'options[0].fallback: expected the name of a cloud or own option (own, res, blk, up), found "lease"',
        'options[2].termMonths: expected overflowOffer or overflowUsdPerGpuHour: the commitment ends before the horizon does (2026-10-01), and the runs need a price after it',
        'options[3].overflowOffer: expected overflowOffer or overflowUsdPerGpuHour: GPU-hours outside the blocks need a price',
        "options[3].blocks[0].days: expected a block that ends by the horizon's end (2026-10-01), found 10 days from 2026-09-25",
        'options[4].upgrade.from: expected a date within 2026-07-01 .. 2026-09-30, found 2027-01-01',
        expect.stringMatching(/^options\[4\]\.upgrade\.offer: unknown cloud offer "nebius-b30"; .*did you mean "nebius-b300"\?$/),
      ]),
    );
  });

  it('asks an own option on racks without a catalog price for their price', () => {
    const problems = problemsOfScenario({ hardware: { rack: 'hgx-h200' }, options: [{ name: 'own', kind: 'own' }] });
    expect(problems).toEqual(['options[0].capexUsdPerRack: expected capexUsdPerRack: the catalog has no price for hgx-h200 racks (it has gb300-nvl72, gb200-nvl72)']);
  });

  it('gives every catalog offer a rack of the catalog', () => {
    for (const offer of Object.values(cloudOffers)) expect(Object.keys(rackCatalog), offer.id).toContain(offer.rack);
  });
});
