import { normalizeScheduler } from '../policies/normalize-scheduler.js';
import type { SchedulerSpec } from '../policies/scheduler-spec.js';
import type { WrittenScenario } from '../scenario/schema.js';
import { normalizeWorkload, type WorkloadContext } from './normalize-workload.js';
import type { WorkloadSpec } from './spec.js';

/** The optional `scheduler:` and `workload:` sections of a Scenario, present only when written. */
export function schedulingSections(w: WrittenScenario, ctx: WorkloadContext): { scheduler?: SchedulerSpec; workload?: WorkloadSpec } {
  const scheduler = normalizeScheduler(w, ctx.startMinutes, ctx.tickSeconds);
  const workload = normalizeWorkload(w, ctx);
  return { ...(scheduler ? { scheduler } : {}), ...(workload ? { workload } : {}) };
}
