// capsim's benchmark: `npm run bench` (builds dist/, then runs this file against it).
// Prints the figures the README's Performance section records. Speed is measured here, never
// asserted by a test.
import { availableParallelism, cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../dist/scenario/load.js';
import { scenarioHash } from '../dist/scenario/hash.js';
import { simulate } from '../dist/engine/simulate.js';
import { runBlock } from '../dist/montecarlo/run-block.js';
import { createRunner } from '../dist/montecarlo/pool.js';
import { replicate } from '../dist/montecarlo/replicate.js';

const argv = process.argv.slice(2);
const allCoresReplications = Number(argv[argv.indexOf('--replications') + 1] || 10_000) || 10_000;
const file = 'scenarios/colossus-2-reflection.yaml';
const loaded = parseScenario(readFileSync(file, 'utf8'), file);
const provenance = { version: 'bench', scenarioHash: scenarioHash(loaded.written) };
const cores = availableParallelism();
const fmt = (x, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

console.log(`capsim bench · node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} · ${cores} cores · ${fmt(totalmem() / 2 ** 30)} GiB`);
console.log(`scenario ${file}: ${loaded.scenario.cluster.maxRacks} racks, ${loaded.scenario.runs.length} runs, ${fmt(loaded.scenario.horizonTicks / 43_200, 0)} months at ${loaded.scenario.tickMinutes}-minute ticks\n`);

// One thread: the whole cost of a replication (simulate, summarize, fold into the statistics).
runBlock({ scenario: loaded.scenario, seed: loaded.scenario.seed, from: 0, to: 20, provenance });
const oneThreadReplications = 300;
let t0 = performance.now();
const block = runBlock({ scenario: loaded.scenario, seed: loaded.scenario.seed, from: 0, to: oneThreadReplications, provenance });
const oneThreadMs = performance.now() - t0;
t0 = performance.now();
for (let r = 0; r < oneThreadReplications; r += 1) simulate(loaded.scenario, { replication: r });
const simulateMs = performance.now() - t0;
console.log('one thread');
console.log(`  ms per replication          ${fmt(oneThreadMs / oneThreadReplications, 2)} (simulate alone ${fmt(simulateMs / oneThreadReplications, 2)})   target <= 50`);
console.log(`  events per replication      ${fmt(block.events / oneThreadReplications, 0)}`);
console.log(`  events per second           ${fmt(block.events / (oneThreadMs / 1000), 0)}`);
console.log(`  simulated GPU-hours per s   ${fmt(block.simulatedGpuHours / (oneThreadMs / 1000), 0)}`);

// All cores: the CLI's path (worker threads, blocks folded in order).
const runner = createRunner(cores);
t0 = performance.now();
const all = await replicate({ scenario: loaded.scenario, seed: loaded.scenario.seed, from: 0, to: allCoresReplications, provenance }, runner);
const allMs = performance.now() - t0;
await runner.close();
console.log(`\nall ${cores} cores, ${fmt(allCoresReplications, 0)} replications`);
console.log(`  wall time                   ${fmt(allMs / 1000, 1)} s   target < 300 s for 10,000`);
console.log(`  replications per second     ${fmt(allCoresReplications / (allMs / 1000), 0)}`);
console.log(`  events per second           ${fmt(all.events / (allMs / 1000), 0)}`);
console.log(`  simulated GPU-hours per s   ${fmt(all.simulatedGpuHours / (allMs / 1000), 0)}`);
console.log(`  metrics with statistics     ${all.accumulator.metrics.size}`);
console.log(`  peak memory (max RSS)       ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB   target < 300`);

// Scaling: time follows events, not ticks x GPUs. The last rows turn failures off: the same
// ticks x GPUs with almost no events must cost almost nothing.
console.log('\nscaling (one thread, one replication each; runs of 50 racks fill the cluster)');
const head = ['racks', 'months', 'failures', 'ticks x GPUs', 'events', 'ms', 'µs per event', 'ps per tick x GPU'];
console.log(head.map((h, i) => (i === 0 ? h.padEnd(7) : h.padStart(i === 3 ? 14 : 12))).join(''));
const rows = [];
for (const racks of [100, 1_000, 10_000]) for (const months of [1, 12, 42]) rows.push({ racks, months, rate: 2e-5 });
rows.push({ racks: 10_000, months: 42, rate: 0 });
for (const { racks, months, rate } of rows) {
  const s = parseScenario(scalingScenario(racks, months, rate), 'scaling.yaml').scenario;
  simulate(s, { replication: 1 });
  const start = performance.now();
  let events = 0;
  let repeats = 0;
  do {
    events = simulate(s, { replication: repeats }).events;
    repeats += 1;
  } while (performance.now() - start < 200 && repeats < 20);
  const ms = (performance.now() - start) / repeats;
  const tickGpus = s.horizonTicks * racks * 72;
  console.log(
    [String(racks).padEnd(7), String(months).padStart(12), (rate ? 'on' : 'off').padStart(12), tickGpus.toExponential(2).padStart(14), fmt(events, 0).padStart(12), fmt(ms, 2).padStart(12),
      (events ? fmt((ms * 1000) / events, 2) : '–').padStart(12), fmt((ms * 1e9) / tickGpus, 3).padStart(12)].join(''),
  );
}
console.log(`\npeak memory (max RSS) at the end: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);

function scalingScenario(racks, months, ratePerGpuHour) {
  const end = new Date(Date.UTC(2026, 6 + months, 0)).toISOString().slice(0, 10);
  const runs = Array.from({ length: racks / 50 }, (_, i) => `  - { name: run-${i}, racks: 50, precision: fp8, mfu: 0.3, totalFlop: 1e30 }`);
  return [
    'name: scaling', 'seed: 1', 'start: 2026-07-01', `end: ${end}`, 'tickMinutes: 1', 'hardware: { rack: gb300-nvl72 }',
    `cluster: { racks: ${racks} }`, `failures: { ratePerGpuHour: ${ratePerGpuHour} }`, 'lease: { monthlyUsd: 1000000 }', 'runs:', ...runs, '',
  ].join('\n');
}
