import type { TopLevelSpec } from 'vega-lite';
import type { RunRecord } from '../../simulation/record.js';
import { formatCount } from '../format.js';
import { epochMs, timeAxis } from './time-axis.js';
import { ticksToMinutes } from '../../model/time.js';
import { accent, chartConfig, chartWidth, warn } from './theme.js';

type LabelPlace = 'after' | 'before' | 'inside';

interface Span {
  run: string;
  from: number;
  to: number;
}

/**
 * The timeline's marks: waits in the queue, bars of racks held, the interruptions. Jobs of a
 * workload stream share their stream's row. A row's bar is the union of its holds: a restart on
 * spare racks begins the tick its hold ended, so back-to-back holds join into one bar (the
 * interruption between them stays marked), and a stream's overlapping jobs make one bar while any
 * of them holds racks.
 */
export function timelineMarks(record: RunRecord) {
  const s = record.scenario;
  const at = (tick: number) => epochMs(s.startMinutes, s.tickSeconds, tick);
  const waitTicks = new Map<string, Array<[number, number]>>();
  const holdTicks = new Map<string, Array<[number, number]>>();
  const add = (into: Map<string, Array<[number, number]>>, row: string, from: number, to: number) => {
    into.set(row, [...(into.get(row) ?? []), [from, to]]);
  };
  const interruptions: Array<{ run: string; at: number }> = [];
  const counts = new Map<string, number>();
  for (const run of record.runs) {
    if (run.submitTick >= s.horizonTicks) continue;
    const row = rowOf(run);
    counts.set(row, (counts.get(row) ?? 0) + run.interruptions);
    const first = run.firstStartTick ?? s.horizonTicks;
    if (first > run.submitTick) add(waitTicks, row, run.submitTick, first);
    for (const hold of run.holds ?? []) {
      const stop = hold.stopTick ?? s.horizonTicks;
      add(holdTicks, row, hold.startTick, stop);
      if (hold.end === 'failed') interruptions.push({ run: row, at: at(stop) });
    }
  }
  const rows = [...counts.keys()];
  const spans = (byRow: Map<string, Array<[number, number]>>): Span[] =>
    rows.flatMap((row) => union(byRow.get(row) ?? []).map(([from, to]) => ({ run: row, from: at(from), to: at(to) })));
  return { rows, waits: spans(waitTicks), bars: spans(holdTicks), interruptions, counts };
}

/** Intervals [from, to) merged where they overlap or touch, in order. */
export function union(intervals: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function rowOf(run: RunRecord['runs'][number]): string {
  const stream = (run as { stream?: unknown }).stream;
  return typeof stream === 'string' ? `${stream} (stream)` : run.name;
}

/**
 * A Gantt chart of the runs: a pale bar while a run waits for racks, a solid bar while it holds
 * them, a red tick above the bar at each interruption, and the count of interruptions beside it.
 */
export function timelineChart(record: RunRecord): TopLevelSpec {
  const s = record.scenario;
  const { rows, waits, bars, interruptions, counts } = timelineMarks(record);
  const start = epochMs(s.startMinutes, s.tickSeconds, 0);
  const end = epochMs(s.startMinutes, s.tickSeconds, s.horizonTicks);
  // The count goes after a run's last bar; before its first when the last ends near the right
  // edge; above the ticks, from its first bar, when the run spans nearly the whole term.
  const firstStart = new Map<string, number>();
  const lastEnd = new Map<string, number>();
  for (const b of bars) {
    if (!firstStart.has(b.run)) firstStart.set(b.run, b.from);
    lastEnd.set(b.run, Math.max(lastEnd.get(b.run) ?? start, b.to));
  }
  const labels = rows.flatMap((run) => {
    const n = counts.get(run) ?? 0;
    const after = lastEnd.get(run) ?? start;
    const first = firstStart.get(run) ?? start;
    const place: LabelPlace = after < start + 0.8 * (end - start) ? 'after' : first > start + 0.2 * (end - start) ? 'before' : 'inside';
    return n === 0 ? [] : [{ run, at: place === 'after' ? after : first, place, text: `${formatCount(n)} interruption${n === 1 ? '' : 's'}` }];
  });
  const x = { type: 'temporal' as const, title: null, scale: { type: 'utc' as const, domain: [start, end] }, axis: timeAxis(ticksToMinutes(s.horizonTicks, s.tickSeconds)) };
  const y = { field: 'run', type: 'nominal' as const, title: null, sort: rows, scale: { domain: rows }, axis: { labelLimit: 220, labelFontSize: 12, labelColor: '#1d2733' } };
  const text = (place: LabelPlace) => ({
    name: `labels-${place}`,
    data: { values: labels.filter((l) => l.place === place) },
    mark: {
      type: 'text',
      align: place === 'before' ? 'right' : 'left',
      dx: place === 'before' ? -6 : 6,
      dy: place === 'inside' ? -17 : -9,
      color: '#5b6570',
      fontSize: 10.5,
    },
    encoding: { y, x: { ...x, field: 'at' }, text: { field: 'text' } },
  });
  return {
    name: 'timeline',
    config: chartConfig,
    width: chartWidth,
    height: Math.max(80, 44 * rows.length),
    layer: [
      { name: 'waits', data: { values: waits }, mark: { type: 'bar', color: '#e3e8ee', height: 12 }, encoding: { y, x: { ...x, field: 'from' }, x2: { field: 'to' } } },
      { name: 'holds', data: { values: bars }, mark: { type: 'bar', color: accent, height: 12, yOffset: 4, aria: false }, encoding: { y, x: { ...x, field: 'from' }, x2: { field: 'to' } } },
      { name: 'interruptions', data: { values: interruptions }, mark: { type: 'tick', color: warn, thickness: 1, size: 7, yOffset: -7, opacity: 0.7, aria: false }, encoding: { y, x: { ...x, field: 'at' } } },
      text('after'),
      text('before'),
      text('inside'),
    ],
  } as TopLevelSpec;
}
