import type { Scenario } from '../scenario/scenario.js';
import type { OwnOption } from './option.js';

/**
 * The scenario as an owner runs it: the same cluster (spares, failures, repairs, facility) as the
 * lease, each step of its capacity arriving `deliveryTicks` after it is ordered (at the start, or
 * when a lease ends early and the owner steps in), nothing before the first.
 */
export function ownScenario(scenario: Scenario, own: OwnOption, orderedTick = 0): Scenario {
  const delay = orderedTick + own.deliveryTicks;
  if (delay <= 0) return scenario;
  const shifted = scenario.cluster.phases.map((p) => ({ tick: p.tick + delay, racks: p.racks })).filter((p) => p.tick < scenario.horizonTicks && p.racks > 0);
  const phases = [{ tick: 0, racks: 0 }, ...shifted];
  return { ...scenario, cluster: { ...scenario.cluster, phases } };
}
