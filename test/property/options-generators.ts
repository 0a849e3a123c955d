import fc from 'fast-check';
import { cloudOffers } from '../../src/catalog/cloud-prices.js';
import { rackCatalog } from '../../src/catalog/racks.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';

/**
 * The optional `facility:` and `options:` sections for a generated scenario: supply from well
 * below to well above the racks' draw, curtailments, batteries, turbines, both facility
 * policies; every kind of procurement option, with schedules, escalators, power pass-through,
 * exits, the lessor's termination and a fallback, capacity caps and lead times, racks, price
 * declines, commitments from a date, blocks, and owned racks delivered late or financed.
 */
type Facility = NonNullable<WrittenScenario['facility']>;
type Options = NonNullable<WrittenScenario['options']>;

const day = 24 * 60;
const isoDate = (minutes: number) => new Date(minutes * 60_000).toISOString().slice(0, 10);
const isoDateTime = (minutes: number) => new Date(minutes * 60_000).toISOString().slice(0, 16);

export function aFacility(startMinutes: number, days: number, rackId: string, racks: number): fc.Arbitrary<Facility> {
  const maxItMw = (racks * (rackCatalog[rackId]?.maxItKw ?? 136)) / 1000;
  return fc.record(
    {
      weather: fc.record({ seededHeatWaves: fc.boolean() }),
      supply: fc.record(
        {
          // From half the racks' full draw (the policy must act) to one and a half (it need not).
          gridMw: fc.constantFrom(0.5, 0.9, 1.5).map((f) => Math.round(maxItMw * f * 1000) / 1000),
          curtailments: fc.array(
            fc.record({ minute: fc.integer({ min: 0, max: days * day - 60 }), hours: fc.integer({ min: 1, max: 24 }), share: fc.constantFrom(0.2, 0.5) }).map((c) => ({
              from: isoDateTime(startMinutes + c.minute - (c.minute % 60)),
              hours: c.hours,
              mw: Math.round(maxItMw * c.share * 1000) / 1000,
            })),
            { maxLength: 2 },
          ),
          battery: fc.record({ energyMwh: fc.constantFrom(0, maxItMw, 4 * maxItMw), powerMw: fc.constantFrom(0, maxItMw / 4) }),
          turbines: fc.record({ units: fc.integer({ min: 0, max: 3 }), unitMw: fc.constant(Math.max(0.01, maxItMw / 4)), mtbfHours: fc.constantFrom(50, 500) }),
        },
        { requiredKeys: ['gridMw'] },
      ),
      policy: fc.constantFrom('cap' as const, 'shed' as const),
      capExponent: fc.constantFrom(0.5, 1, 2),
      minCapShare: fc.constantFrom(0.3, 0.6),
      cooling: fc.record({ plantCapacityMw: fc.constantFrom(0.6, 2).map((f) => Math.round(maxItMw * f * 1000) / 1000) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['supply'] },
  );
}

export function someOptions(startMinutes: number, days: number): fc.Arbitrary<Options> {
  const offers = Object.keys(cloudOffers);
  const priced = fc.oneof(
    fc.record({ priceUsdPerGpuHour: fc.constantFrom(0, 2.46, 6.88, 14.24) }),
    fc.record({ offer: fc.constantFrom(...offers.filter((o) => !o.includes('spot'))) }),
  );
  // A cap is at least one rack of the option's hardware (72 GPUs at most in the catalog), as capsim requires.
  const capacity = fc.record({ capacityGpus: fc.constantFrom(72, 1_000, 100_000), leadTimeDays: fc.constantFrom(0, 1, 7), leadTimeAboveGpus: fc.constantFrom(8, 500) }, { requiredKeys: [] });
  const lease = fc.oneof(
    fc.record({ monthlyUsd: fc.integer({ min: 0, max: 200_000_000_00 }).map((c) => c / 100) }),
    fc.array(fc.integer({ min: 1, max: Math.max(1, days - 1) }), { maxLength: 2 }).map((steps) => ({
      schedule: [0, ...[...new Set(steps)].sort((a, b) => a - b)].map((d, i) => ({ from: isoDate(startMinutes + d * day), monthlyUsd: 1_000_000 * (i + 1) + 0.37 })),
    })),
  ).chain((fee) =>
    fc.record(
      {
        escalatorPerYear: fc.constantFrom(0, 0.03),
        powerUsdPerMwh: fc.constantFrom(0, 71.3),
        pue: fc.constantFrom(1, 1.2, 1.56),
        exit: fc.record({ minimumMonths: fc.constant(0), noticeDays: fc.constantFrom(0, 10, 90) }),
        termination: fc.record({ probabilityPerMonth: fc.constantFrom(0, 0.5, 1), afterMonths: fc.constant(0) }),
        fallback: fc.constantFrom('on-demand', 'own'),
      },
      { requiredKeys: [] },
    ).map((rest) => ({ name: 'lease', kind: 'lease' as const, ...fee, ...rest })),
  );
  const someDay = fc.integer({ min: 0, max: Math.max(0, days - 1) });
  const pricePath = fc.record({ rack: fc.constantFrom(...Object.keys(rackCatalog)), priceDeclinePerYear: fc.constantFrom(0, 0.36) }, { requiredKeys: [] });
  const onDemand = fc.tuple(priced, capacity, pricePath).map(([p, c, path]) => ({ name: 'on-demand', kind: 'on-demand' as const, ...p, ...c, ...path }));
  // Below a rack and between whole racks with overflow (which bills what the commitment leaves
  // out); without overflow the commitment caps the runs, so it is at least a rack.
  const reserved = fc.tuple(priced, fc.constantFrom(8, 72, 108, 720), fc.constantFrom(0, 6.88), fc.option(someDay, { nil: undefined })).map(([p, committed, overflow, from]) => ({
    name: 'reserved',
    kind: 'reserved' as const,
    ...p,
    committedGpus: overflow > 0 ? committed : Math.max(committed, 72),
    ...(from === undefined ? {} : { from: isoDate(startMinutes + from * day) }),
    ...(overflow > 0 ? { overflowUsdPerGpuHour: overflow } : {}),
  }));
  const block = fc.tuple(priced, someDay, fc.integer({ min: 1, max: 10 }), fc.constantFrom(8, 144)).map(([p, from, length, gpus]) => ({
    name: 'block',
    kind: 'block' as const,
    ...p,
    blocks: [{ from: isoDate(startMinutes + from * day), days: Math.max(1, Math.min(length, days - from)), gpus }],
    bookedDaysAhead: 7,
    overflowUsdPerGpuHour: 9.5,
  }));
  const own = fc.record(
    { capexUsdPerRack: fc.constantFrom(0, 250_000, 3_500_000), deliveryDays: fc.constantFrom(0, 2, 400), costOfCapitalPerYear: fc.constantFrom(0, 0.1), residualShareAtEnd: fc.constantFrom(0, 0.5) },
    { requiredKeys: ['capexUsdPerRack'] },
  ).map((o) => ({ name: 'own', kind: 'own' as const, ...o }));
  const spot = fc.record({ priceUsdPerGpuHour: fc.constantFrom(0.5, 2.46), preemptionsPerGpuHour: fc.constantFrom(0, 1e-4, 2e-3), noticeMinutes: fc.constantFrom(0, 2) }).map((o) => ({ name: 'spot', kind: 'spot' as const, ...o }));
  return fc.tuple(lease, onDemand, reserved, spot, block, own, fc.constantFrom(0, 1, 5)).map(([l, d, r, s, b, o, burstAfterDays]) => [
    l,
    d,
    r,
    s,
    b,
    o,
    { name: 'hybrid', kind: 'hybrid' as const, lease: 'lease', burst: 'on-demand', burstAfterDays },
  ]);
}
