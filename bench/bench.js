// capsim's benchmark: `npm run bench` (builds dist/, then runs this file against it).
// Prints the figures the README's Performance section records. Speed is measured here, never
// asserted by a test. Each phase runs in a process of its own, so that each peak memory is its own.
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../dist/scenario/load.js';
import { scenarioHash } from '../dist/scenario/hash.js';
import { simulateScenario } from '../dist/simulation/simulate-scenario.js';
import { runBlock } from '../dist/montecarlo/run-block.js';
import { createRunner } from '../dist/montecarlo/pool.js';
import { replicate } from '../dist/montecarlo/replicate.js';
import { floorLoop } from './floor-loop.js';

const file = 'bench/engine.yaml';
const cores = availableParallelism();
const fmt = (x, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const peakMb = () => fmt(process.resourceUsage().maxRSS / 1024, 0);
const [phase, arg] = process.argv.slice(2);

if (phase === 'one-thread') oneThread();
else if (phase === 'all-cores') await allCores(Number(arg));
else if (phase === 'scaling') scaling();
else {
  const loaded = load();
  console.log(`capsim bench · node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} · ${cores} cores · ${fmt(totalmem() / 2 ** 30)} GiB`);
  console.log(`scenario ${file}: ${loaded.scenario.cluster.maxRacks} racks, ${loaded.scenario.runs.length} runs, ${fmt((loaded.scenario.horizonTicks * loaded.scenario.tickSeconds) / (86_400 * 30.4375), 0)} months at ${loaded.scenario.tickSeconds}-second ticks\n`);
  const self = fileURLToPath(import.meta.url);
  for (const args of [['one-thread'], ['all-cores', '1000'], ['all-cores', '10000'], ['scaling']]) {
    process.stdout.write(execFileSync(process.execPath, [self, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  }
}

function load() {
  return parseScenario(readFileSync(file, 'utf8'), file);
}

function provenanceOf(loaded) {
  return { version: 'bench', scenarioHash: scenarioHash(loaded.written) };
}

// One thread: capsim's simulation of a replication as Monte Carlo runs it (no timeline), against
// the floor loop (bench/floor-loop.js) on the same number of events and pending events, measured
// alternately in this process (CPU time, median of rounds, so that both see the same machine);
// then the whole cost of a replication (simulate, summarize, fold into the statistics).
function oneThread() {
  const loaded = load();
  const scenario = loaded.scenario;
  const replications = 200;
  let events = 0;
  const simulateAll = () => {
    events = 0;
    for (let r = 0; r < replications; r += 1) events += simulateScenario(scenario, { replication: r, timeline: false }).events;
  };
  simulateAll();
  const perReplication = Math.round(events / replications);
  // A run holds one pending event; a few repairs are pending besides.
  const pending = scenario.runs.length + 8;
  const floorAll = () => {
    for (let r = 0; r < replications; r += 1) floorLoop(perReplication, pending, r);
  };
  const task = { scenario, seed: scenario.seed, from: 0, to: replications, provenance: provenanceOf(loaded) };
  const blockAll = () => runBlock(task);
  floorAll();
  blockAll();
  const cpuMs = (work) => {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000 / replications;
  };
  const capsim = [];
  const floor = [];
  const block = [];
  for (let round = 0; round < 7; round += 1) {
    capsim.push(cpuMs(simulateAll));
    floor.push(cpuMs(floorAll));
    block.push(cpuMs(blockAll));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const simulateMs = median(capsim);
  const floorMs = median(floor);
  const blockMs = median(block);
  console.log(`one thread, ${replications} replications (CPU time, median of 7 rounds)`);
  console.log(`  events per replication      ${fmt(perReplication, 0)}`);
  console.log(`  simulate, ms per replication ${fmt(simulateMs, 3)}   (${fmt((simulateMs * 1e6) / perReplication, 0)} ns per event)`);
  console.log(`  floor loop, same events      ${fmt(floorMs, 3)}   (${fmt((floorMs * 1e6) / perReplication, 0)} ns per event)`);
  console.log(`  capsim / floor               ${fmt(simulateMs / floorMs, 2)}   target <= 3`);
  console.log(`  with summary and statistics ${fmt(blockMs, 3)} ms per replication`);
  console.log(`  peak memory (max RSS)       ${peakMb()} MB\n`);
}

// All cores: the CLI's path (worker threads, blocks folded in order).
async function allCores(replications) {
  const loaded = load();
  const runner = createRunner(cores);
  const t0 = performance.now();
  const all = await replicate({ scenario: loaded.scenario, seed: loaded.scenario.seed, from: 0, to: replications, provenance: provenanceOf(loaded) }, runner);
  const ms = performance.now() - t0;
  await runner.close();
  console.log(`all ${cores} cores, ${fmt(replications, 0)} replications`);
  console.log(`  wall time                   ${fmt(ms / 1000, 1)} s${replications === 10_000 ? '   target < 300 s' : ''}`);
  console.log(`  replications per second     ${fmt(replications / (ms / 1000), 0)}`);
  console.log(`  events per second           ${fmt(all.events / (ms / 1000), 0)}`);
  console.log(`  simulated GPU-hours per s   ${fmt(all.simulatedGpuHours / (ms / 1000), 0)}`);
  console.log(`  metrics with statistics     ${all.accumulator.metrics.size}`);
  console.log(`  peak memory (max RSS)       ${peakMb()} MB   target < 300\n`);
}

// Time follows events, not ticks x GPUs. The last row turns failures off: the same ticks x GPUs
// with almost no events must cost almost nothing.
function scaling() {
  console.log('scaling: one thread, CPU time; runs of 50 racks fill the cluster; failures at 2e-5 per GPU-hour');
  console.log('the last column: cost per event against the default scenario\'s (278 racks), measured in this process; target <= 1.5 at 10,000 racks');
  const widths = [7, 8, 10, 14, 11, 11, 14, 12];
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('');
  const measure = (scenario) => {
    simulateScenario(scenario, { replication: 1000, timeline: false });
    const start = process.cpuUsage();
    let events = 0;
    let repeats = 0;
    let ms = 0;
    do {
      events += simulateScenario(scenario, { replication: repeats, timeline: false }).events;
      repeats += 1;
      const used = process.cpuUsage(start);
      ms = (used.user + used.system) / 1000;
    } while (ms < 400 && repeats < 50);
    return { ms: ms / repeats, events: events / repeats };
  };
  const reference = measure(load().scenario);
  const referenceNs = (reference.ms * 1e6) / reference.events;
  console.log(line(['racks', 'months', 'failures', 'ticks x GPUs', 'events', 'ms', 'ns per event', 'vs 278']));
  const rows = [];
  for (const racks of [100, 1_000, 10_000]) for (const months of [1, 12, 42]) rows.push({ racks, months, rate: 2e-5 });
  rows.push({ racks: 10_000, months: 42, rate: 0 });
  for (const { racks, months, rate } of rows) {
    const s = parseScenario(scalingScenario(racks, months, rate), 'scaling.yaml').scenario;
    const { ms, events } = measure(s);
    const tickGpus = s.horizonTicks * racks * 72;
    const ns = (ms * 1e6) / events;
    console.log(line([racks, months, rate ? 'on' : 'off', tickGpus.toExponential(2), fmt(events, 0), fmt(ms, 2), fmt(ns, 0), rate ? fmt(ns / referenceNs, 2) : '–']));
  }
  console.log(`  default scenario: ${fmt(referenceNs, 0)} ns per event`);
  console.log(`  peak memory (max RSS)       ${peakMb()} MB`);
}

function scalingScenario(racks, months, ratePerGpuHour) {
  const end = new Date(Date.UTC(2026, 6 + months, 0)).toISOString().slice(0, 10);
  const runs = Array.from({ length: racks / 50 }, (_, i) => `  - { name: run-${i}, racks: 50, precision: fp8, mfu: 0.3, totalFlop: 1e30 }`);
  return [
    'name: scaling', 'seed: 1', 'start: 2026-07-01', `end: ${end}`, 'tickSeconds: 1', 'hardware: { rack: gb300-nvl72 }',
    `cluster: { racks: ${racks} }`, `failures: { ratePerGpuHour: ${ratePerGpuHour} }`, 'lease: { monthlyUsd: 1000000 }', 'runs:', ...runs, '',
  ].join('\n');
}
