import { monthsOf, tickToIso } from '../model/time.js';
import { createRng } from '../random/rng.js';
import type { LeaseSpec, Scenario } from '../scenario/scenario.js';
import { exitTick } from './lease-exit.js';

/**
 * The scenario as the lease runs it: capacity as the ramp-in delivers it, and the term cut short
 * at `endTick` (the tenant's notice, or the lessor's termination). `capsim run` simulates this for
 * the scenario's own lease, `capsim compare` for every lease option.
 */
export function leaseScenario(scenario: Scenario, lease: LeaseSpec, endTick: number = tenantEndTick(scenario, lease)): Scenario {
  let out = scenario;
  if (lease.rampIn) {
    const steps = lease.rampIn.steps.filter((s) => s.tick < scenario.horizonTicks);
    const phases = steps[0] && steps[0].tick === 0 ? steps : [{ tick: 0, racks: 0 }, ...steps];
    out = { ...out, cluster: { ...out.cluster, phases, maxRacks: phases.reduce((m, p) => Math.max(m, p.racks), 0) } };
  }
  if (endTick >= scenario.horizonTicks) return out;
  // endIso is the last day inside the horizon (inclusive), as in a scenario file.
  return { ...out, horizonTicks: endTick, endIso: tickToIso(scenario.startMinutes, scenario.tickSeconds, Math.max(0, endTick - 1)).slice(0, 10) };
}

/** Where the tenant's own notice ends the lease; the horizon's end without one. */
export function tenantEndTick(scenario: Scenario, lease: LeaseSpec): number {
  const notice = lease.exit?.noticeGivenTick;
  return notice === null || notice === undefined ? scenario.horizonTicks : exitTick(scenario, lease.exit?.noticeDays ?? 0, notice);
}

/**
 * The lessor's termination in this replication, if any: from the month after the minimum term
 * on, each month's first day the lessor gives notice with the given probability (one uniform draw
 * per month from the stream `lease:termination`, so every lease option of a comparison faces the
 * same draws); the lease ends when the notice runs out. Null: the lessor never terminates.
 */
export function terminationTick(scenario: Scenario, lease: LeaseSpec, seed: number, replication: number): { noticeTick: number; endTick: number } | null {
  const risk = lease.termination;
  if (!risk || risk.probabilityPerMonth <= 0) return null;
  const rng = createRng(seed, replication, 'lease:termination');
  const months = monthsOf(scenario.startMinutes, scenario.tickSeconds, scenario.horizonTicks);
  for (const [i, m] of months.entries()) {
    const u = rng();
    if (i < risk.afterMonths || m.startTick === 0) continue;
    if (u < risk.probabilityPerMonth) return { noticeTick: m.startTick, endTick: exitTick(scenario, risk.noticeDays, m.startTick) };
  }
  return null;
}
