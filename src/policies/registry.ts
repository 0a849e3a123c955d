import type { Scenario } from '../scenario/scenario.js';
import { backfill } from './backfill.js';
import { fairshare } from './fairshare.js';
import { fifo } from './fifo.js';
import type { Policy } from './policy.js';
import { priority } from './priority.js';
import { withReservations } from './reservation.js';
import type { PolicyName, SchedulerSpec } from './scheduler-spec.js';

const policies: Record<PolicyName, (spec: SchedulerSpec) => Policy> = {
  fifo: () => fifo,
  priority: (spec) => priority({ preemption: spec.preemption }),
  backfill: () => backfill,
  fairshare: (spec) => fairshare(spec.quotas),
};

/** The policy a scenario asks for (FIFO when it says nothing), with its reservations on top. */
export function policyFor(scenario: Scenario): Policy {
  const spec = scenario.scheduler;
  if (!spec) return fifo;
  const base = policies[spec.policy](spec);
  if (spec.reservations.length === 0) return base;
  const submitOf = (index: number) => scenario.runs[index]?.submitTick ?? 0;
  return withReservations(base, spec.reservations.map((r) => ({ ...r, submitTick: submitOf(r.runIndex) })));
}

/** Ticks at which the policy must be asked again though no event falls there: reservations' dates. */
export function wakeTicks(scenario: Scenario): number[] {
  return (scenario.scheduler?.reservations ?? []).map((r) => r.fromTick).filter((t) => t > 0 && t < scenario.horizonTicks);
}
