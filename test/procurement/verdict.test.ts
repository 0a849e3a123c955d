import { describe, expect, it } from 'vitest';
import { compareOptions } from '../../src/procurement/compare.js';
import { resolveOptions } from '../../src/procurement/resolve-options.js';
import { verdictOf } from '../../src/procurement/verdict.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aRun, aWrittenScenario, provenance } from '../builders.js';

function compare(written: WrittenScenario, replications = 4) {
  const { scenario, written: w } = parseScenario(JSON.stringify(written), 'test.json');
  return compareOptions({ scenario, written: w }, resolveOptions(w, scenario), { seed: 1, replications }, provenance);
}

// 8 racks for 30 days at $1M a month: $1.74 per available GPU-hour; the run holds half of them
// for about 20 days (checkpointing, so failures cost minutes), so its work costs $7 per GPU-hour used.
const base = aWrittenScenario({
  failures: { ratePerGpuHour: 2e-5 },
  runs: [aRun({ name: 'half', racks: 4, totalFlop: 4 * 72 * 5000e12 * 0.4 * 3600 * 24 * 20, checkpoint: { intervalMinutes: 'auto' } })],
});

describe('the verdict of a comparison', () => {
  it('names the cheaper cloud, its margin over the lease with the paired interval, and how often it was cheapest', () => {
    const c = compare({ ...base, options: [{ name: 'lease', kind: 'lease' }, { name: 'cheap-cloud', kind: 'on-demand', priceUsdPerGpuHour: 1 }] });
    const v = verdictOf(c);
    const cloud = c.options.find((o) => o.name === 'cheap-cloud');
    expect(cloud?.rank).toBe(1);
    expect(v.answer).toMatch(/^cheap-cloud is the cheapest way to deliver the work: NPV \$[\d.]+[KM]? against \$[\d.]+[KM]? for lease, \$[\d.]+[KM]? less \(95% interval/);
    expect(v.answer).toContain('cheapest in 100% of 4 paired replications');
  });

  it('names the lease when it wins, with its margin over the next cheapest option', () => {
    const c = compare({ ...base, options: [{ name: 'lease', kind: 'lease' }, { name: 'dear-cloud', kind: 'on-demand', priceUsdPerGpuHour: 20 }] });
    const v = verdictOf(c);
    expect(v.answer).toMatch(/^lease is the cheapest way to deliver the work: NPV .*, \$[\d.]+[KM]? less than the next cheapest, dear-cloud/);
    expect(v.notes.some((n) => n.includes('only above'))).toBe(true);
  });

  it('says which options leave work undone, and that one replication gives no interval', () => {
    // A cloud with room for one rack runs the 4-rack job four times as long: it cannot finish in the month.
    const c = compare({ ...base, options: [{ name: 'lease', kind: 'lease' }, { name: 'small-cloud', kind: 'on-demand', priceUsdPerGpuHour: 0.5, capacityGpus: 72 }] }, 1);
    const v = verdictOf(c);
    expect(v.answer.startsWith('lease is')).toBe(true);
    expect(v.notes.some((n) => n.startsWith('small-cloud leaves work undone within the term'))).toBe(true);
    expect(v.notes.some((n) => n.startsWith('One replication: no interval'))).toBe(true);
  });

  it('says no option is compared like for like when none delivers all the work in every replication', () => {
    // A run of two months in a one-month term: every option leaves it unfinished.
    const long = { ...base, runs: [aRun({ name: 'long', racks: 4, totalFlop: 4 * 72 * 5000e12 * 0.4 * 3600 * 24 * 60 })] };
    const v = verdictOf(compare({ ...long, options: [{ name: 'lease', kind: 'lease' }, { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: 1 }] }));
    expect(v.answer).toMatch(/^No option delivers all the work of the named runs within the term in every replication; (lease|cloud) delivers the most \(\d+% of the work, NPV /);
    expect(v.answer).toContain('not compared like for like');
  });
});

describe('the verdict when owning wins', () => {
  it('still says how the lease fares against renting, with the paired interval', () => {
    const c = compare({
      ...base,
      options: [
        { name: 'lease', kind: 'lease' },
        { name: 'dear-cloud', kind: 'on-demand', priceUsdPerGpuHour: 20 },
        { name: 'own', kind: 'own', capexUsdPerRack: 100_000 },
      ],
    });
    const v = verdictOf(c);
    expect(v.answer.startsWith('own is the cheapest way to deliver the work')).toBe(true);
    expect(v.notes).toContainEqual(expect.stringMatching(/^Against renting, for a tenant who does not build: lease is \$[\d.]+[KM]? cheaper in NPV than dear-cloud, the cheapest cloud that delivers all the work \(95% interval .*\), and the interval excludes zero\.$/));
  });
});

describe('the verdict under uncertain inputs', () => {
  it('names the input that explains most of the deciding difference: the tenant\'s share of the campus', async () => {
    const { loadScenario } = await import('../../src/scenario/load.js');
    const loaded = await loadScenario('scenarios/lease-tenant-share.yaml');
    const c = compareOptions(loaded, resolveOptions(loaded.written, loaded.scenario), { seed: 1, replications: 12 }, provenance);
    const v = verdictOf(c);
    expect(v.notes[0]).toMatch(/^What would change it: cluster\.racks \(drawn between 278 and 919\) explains \d+% of how /);
  }, 120_000);

  it('says the interval covers failure luck only when every input is a single number', () => {
    const c = compare({ ...base, options: [{ name: 'lease', kind: 'lease' }, { name: 'cloud', kind: 'on-demand', priceUsdPerGpuHour: 1 }] });
    expect(verdictOf(c).notes[0]).toMatch(/^Every input is a single number here, so the interval covers failure luck only/);
  });
});
