import type { FacilitySimState } from './facility-state.js';
import type { DemandResponseEvent } from './facility-spec.js';
import type { FacilityState } from './facility-state.js';
import { throughputAtCap } from './cap-law.js';

/**
 * Demand response: the grid operator asks the lease to draw `mw` less from the grid than its
 * baseline (its grid draw when the event begins) for `hours`, and pays `usdPerMwh` for the energy
 * given back. The facility takes an event (always, or when the payment beats the value of the
 * throughput it expects to lose), and the limit then acts like any shortfall of supply: the
 * turbines and the battery make up what they can, and the policy caps or sheds the rest.
 */
export interface DrEventState {
  event: DemandResponseEvent;
  status: 'pending' | 'accepted' | 'declined' | 'overlapped';
  baselineGridMw: number;
  /** GPUs of the runs computing when the event began: a day of all of them is one run-day. */
  gpusAtStart: number;
  /** Rack-ticks of throughput lost to the event: capping below what the supply alone needed, and racks withheld. */
  lossRackTicks: number;
  /** What the facility expected to lose, at the value of a GPU-hour (when-paid). */
  expectedLossUsd: number;
}

export interface DrState {
  events: DrEventState[];
  next: number;
  /** Index of the event in force, or -1. */
  active: number;
}

/** What the facility draws at this moment, with every running rack training. */
export interface DrMeasure {
  demandMw: number;
  gridMw: number;
  turbinesMw: number;
  batteryMw: number;
  activeRacks: number;
  activeGpus: number;
  facilityPerRackItMw: number;
}

export function createDrState(events: readonly DemandResponseEvent[]): DrState | null {
  if (events.length === 0) return null;
  return { events: events.map((event) => ({ event, status: 'pending', baselineGridMw: 0, gpusAtStart: 0, lossRackTicks: 0, expectedLossUsd: 0 })), next: 0, active: -1 };
}

/** At each decision: end the event that is over, begin (or decline) those whose hour has come. */
export function updateDemandResponse(state: FacilitySimState, f: FacilityState, measure: () => DrMeasure): void {
  const dr = f.dr;
  if (!dr) return;
  const hour = Math.floor(state.now / f.ticksPerHour);
  const current = dr.events[dr.active];
  if (current && hour >= current.event.fromHour + current.event.hours) {
    dr.active = -1;
    f.drGridLimitMw = Infinity;
  }
  for (let e = dr.events[dr.next]; e && e.event.fromHour <= hour; e = dr.events[dr.next]) {
    dr.next += 1;
    if (hour >= e.event.fromHour + e.event.hours) continue;
    if (dr.active !== -1) {
      e.status = 'overlapped';
      continue;
    }
    const m = measure();
    e.baselineGridMw = Math.min(m.demandMw, m.gridMw);
    e.gpusAtStart = m.activeGpus;
    e.expectedLossUsd = expectedLossUsd(f, e.event, e.baselineGridMw, m, e.gpusAtStart);
    const revenueUsd = e.event.mw * e.event.hours * e.event.usdPerMwh;
    if (f.spec.demandResponse?.accept === 'when-paid' && e.expectedLossUsd > revenueUsd) {
      e.status = 'declined';
      continue;
    }
    e.status = 'accepted';
    dr.active = dr.next - 1;
    f.drGridLimitMw = Math.max(0, e.baselineGridMw - e.event.mw);
  }
}

/**
 * The throughput an event would cost, held for its hours at today's load: what the demand over
 * the limited supply (grid limit + turbines + battery) takes from the GPUs, as a deeper cap when
 * the cap floor allows, otherwise as racks shed.
 */
function expectedLossUsd(f: FacilityState, event: DemandResponseEvent, baselineGridMw: number, m: DrMeasure, gpus: number): number {
  const spec = f.spec;
  const excessMw = m.demandMw - (Math.max(0, baselineGridMw - event.mw) + m.turbinesMw + m.batteryMw);
  if (excessMw <= 0 || m.activeRacks <= 0) return 0;
  const it = spec.it;
  const cutKwPerRack = (excessMw * 1000) / m.facilityPerRackItMw / m.activeRacks;
  const share = 1 - cutKwPerRack / Math.max(1e-9, it.trainingKw - it.nonGpuKw);
  const lostShare = spec.policy === 'cap' && share >= spec.minCapShare ? 1 - throughputAtCap(spec.capLaw, share) : Math.min(1, cutKwPerRack / Math.max(1e-9, it.trainingKw - it.idleKw));
  return lostShare * gpus * event.hours * (spec.demandResponse?.gpuHourValueUsd ?? 0);
}
