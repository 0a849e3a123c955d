import { holdsOf } from './holds.js';
import type { EngineRecord, PhaseOutcome } from './record.js';
import type { EngineScenario } from './spec.js';
import type { RunState, SimState } from './state.js';

// The cause names sorted, as the last simulation had them: every replication of a scenario has
// the same, and sorting them each time (a comparator calling localeCompare) made V8 throw away the
// simulation loop's optimised code, which this function is inlined into, again and again.
let lastNames: { key: string; order: ReadonlyArray<{ name: string; i: number }> } | null = null;

/** The cause names with their indices, sorted by name. */
function namesInOrder(names: readonly string[]): ReadonlyArray<{ name: string; i: number }> {
  const key = names.join('\n');
  if (lastNames?.key !== key) {
    const order = names.map((name, i) => ({ name, i })).sort((a, b) => a.name.localeCompare(b.name));
    lastNames = { key, order: Object.freeze(order.map((o) => Object.freeze(o))) };
  }
  return lastNames.order;
}

/** What the simulation produced, read off its final state. */
export function toRecord<S extends EngineScenario>(state: SimState, scenario: S, seed: number, replication: number): EngineRecord<S> {
  const names = state.causeNames;
  // Causes sorted by name, as the report lists them.
  const byName = namesInOrder(names);
  return {
    scenario,
    seed,
    replication,
    events: state.events.handled,
    maintenance: maintenanceOf(state.maintenanceDown),
    months: state.months.map((m, i) => {
      const totals = state.monthTotals[i];
      return {
        label: m.label,
        startTick: m.startTick,
        endTick: m.endTick,
        shareOfMonth: m.shareOfMonth,
        installedRackTicks: totals?.installedRackTicks ?? 0,
        allocatedRackTicks: totals?.allocatedRackTicks ?? 0,
        downRackTicks: totals?.downRackTicks ?? 0,
      };
    }),
    runs: state.runs.map((r) => {
      const interruptionsByCause: Record<string, number> = {};
      for (const { name, i } of byName) {
        const n = r.causeCounts[i];
        if (n) interruptionsByCause[name] = n;
      }
      return {
        name: r.spec.name,
        team: r.spec.team,
        racks: r.phaseSpec.racks,
        gpus: r.phaseSpec.gpus,
        status: r.status,
        submitTick: r.spec.submitTick,
        firstStartTick: r.firstStartTick,
        endTick: r.endTick,
        totalFlop: r.spec.totalFlop,
        doneFlop: r.committedFlop,
        interruptions: r.interruptions,
        interruptionsByCause,
        productiveRackTicks: r.productiveRackTicks,
        lostRackTicks: r.lostRackTicks,
        checkpointRackTicks: r.checkpointRackTicks,
        restartRackTicks: r.restartRackTicks,
        checkpointIntervalTicks: r.spec.checkpointIntervalTicks,
        productiveTicks: r.productiveTicks,
        hungRackTicks: r.hungRackTicks,
        stragglerLossRackTicks: r.stragglerLossRackTicks,
        ...(r.phaseSpecs ? { phases: phasesOf(r) } : {}),
        checkpointWriteTicks: r.spec.checkpointWriteTicks,
        holds: r.recordHolds ? holdsOf(r.holdData, r.holdSlots, names) : undefined,
        stream: r.spec.stream,
        priority: r.spec.priority,
        estimatedTicks: r.spec.estimatedTicks,
        deadlineTick: r.spec.deadlineTick ?? null,
      };
    }),
  };
}

/** A run's phases as the report reads them. */
function phasesOf(run: RunState): PhaseOutcome[] {
  return (run.phaseSpecs ?? []).map((spec, p) => {
    const first = run.phaseFirstTick?.[p] ?? -1;
    const end = run.phaseEndedTick?.[p] ?? -1;
    return {
      name: run.spec.phases?.[p]?.name ?? `phase-${p + 1}`,
      racks: spec.racks,
      firstTick: first === -1 ? null : first,
      endTick: end === -1 ? null : end,
      heldRackTicks: run.phaseHeldRackTicks?.[p] ?? 0,
    };
  });
}

function maintenanceOf(flat: readonly number[]): EngineRecord['maintenance'] {
  const out: EngineRecord['maintenance'] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) out.push({ fromTick: flat[i] as number, toTick: flat[i + 1] as number, racks: flat[i + 2] as number });
  return out;
}
