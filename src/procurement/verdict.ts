import { cloudKinds } from '../scenario/option-schema.js';
import { formatPercent, formatUsd } from '../reports/format.js';
import type { ComparedOption, Comparison } from './compare.js';

/** The answer of a comparison in words: what a reader should take away from the first screen. */
export interface Verdict {
  /** Which option delivers the work for the least money, by how much, and how sure. */
  answer: string;
  /** What else decided it, and what would change it: one sentence each. */
  notes: string[];
}

const list = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/**
 * The verdict of a comparison. Options are ranked by net present value among those that deliver
 * all the named runs' work within the term (compare's rank); the margin is the paired difference
 * of NPV (the same replications, the same random draws), with its 95% interval.
 */
export function verdictOf(c: Comparison): Verdict {
  const ranked = [...c.options].sort((a, b) => a.rank - b.rank);
  const winner = ranked[0];
  const baseline = c.options.find((o) => o.name === c.baseline);
  const replications = c.capsim.replications;
  if (!winner || !baseline) return { answer: 'The scenario has no options to compare.', notes: [] };
  const sure = replications > 1 ? `; it is the cheapest in ${formatPercent(winner.probabilityCheapest, 0)} of ${replications} paired replications` : '';
  let answer: string;
  if (winner.deliveredAllShare < 1) {
    // The rank puts every option that always finishes first: none did, so no price compares the same work.
    const some = winner.deliveredAllShare > 0 ? `, all of it in ${formatPercent(winner.deliveredAllShare, 0)} of replications` : '';
    answer = `No option delivers all the work of the named runs within the term in every replication; ${winner.name} delivers the most (${formatPercent(winner.deliveredShare, 0)} of the work${some}, NPV ${formatUsd(winner.npvUsd)}). Options that leave different work undone are not compared like for like: lengthen the term or shorten the plan.`;
  } else if (winner.name !== baseline.name) {
    const d = winner.npvDifferenceFromBaselineUsd;
    answer = `${winner.name} is the cheapest way to deliver the work: NPV ${formatUsd(winner.npvUsd)} against ${formatUsd(baseline.npvUsd)} for ${baseline.name}, ${formatUsd(-d.meanUsd)} less${interval(d, -1)}${sure}.`;
  } else {
    const runnerUp = ranked.find((o) => o.name !== winner.name && o.deliveredAllShare > 0);
    const d = runnerUp?.npvDifferenceFromBaselineUsd;
    answer = runnerUp && d
      ? `${winner.name} is the cheapest way to deliver the work: NPV ${formatUsd(winner.npvUsd)}, ${formatUsd(d.meanUsd)} less than the next cheapest, ${runnerUp.name}${interval(d, 1)}${sure}.`
      : `${winner.name} is the only option that delivers all the work: NPV ${formatUsd(winner.npvUsd)}.`;
  }
  const notes: string[] = [];
  const dependsOn = dependenceNote(c, winner, ranked, baseline);
  if (dependsOn) notes.push(dependsOn);
  if (replications < 2) notes.push('One replication: no interval and no probability; run with --replications 20 or more to see how sure the answer is.');
  const short = ranked.filter((o) => o.deliveredShare < 1 - 1e-9);
  if (short.length > 0) {
    const what = short.map((o) => `${o.name} ${formatPercent(o.deliveredShare, 0)}`);
    notes.push(`${list(short.map((o) => o.name))} ${short.length === 1 ? 'leaves' : 'leave'} work undone within the term (${what.join(', ')} delivered) and ${short.length === 1 ? 'ranks' : 'rank'} after the options that finish.`);
  }
  const renting = rentingNote(ranked, winner, baseline);
  if (renting) notes.push(renting);
  const breakEvenNote = leaseBreakEvenNote(c);
  if (breakEvenNote) notes.push(breakEvenNote);
  const risk = baseline.lease?.terminationRisk;
  if (risk && risk.probabilityPerMonth > 0) {
    notes.push(
      `The lessor may end the lease (${formatPercent(risk.probabilityPerMonth, 1)} a month after ${risk.afterMonths} months, ${risk.noticeDays} days' notice): it did in ${formatPercent(risk.terminatedShare, 0)} of replications, ${risk.expectedCostUsd >= 0 ? 'costing' : 'saving'} ${formatUsd(Math.abs(risk.expectedCostUsd))} on average with the runs left moved to ${baseline.lease?.fallback ?? 'no fallback'}.`,
    );
  }
  const own = ranked.find((o) => o.own !== null);
  if (own?.own) notes.push(`Owning (${own.name}) pays ${formatUsd(own.own.capexUsd)} for the hardware and gets ${formatUsd(own.own.residualUsd)} back as its resale value at the end of the term: the residual decides much of its cost.`);
  return { answer, notes };
}

/**
 * What would change the answer: the uncertain input that explains most of the variance of the
 * deciding difference (the winner against the first option, or the first option against the
 * runner-up when it wins), by its squared rank correlation over the replications.
 */
function dependenceNote(c: Comparison, winner: ComparedOption, ranked: readonly ComparedOption[], baseline: ComparedOption): string | null {
  const inputs = c.uncertainInputs ?? [];
  if (inputs.length === 0) {
    return c.capsim.replications > 1 ? 'Every input is a single number here, so the interval covers failure luck only: write the inputs nobody knows (a price, the share of the campus, MFU) as distributions to see which of them decide it.' : null;
  }
  const pivot = winner.name !== baseline.name ? winner : ranked.find((o) => o.name !== baseline.name && o.deliveredAllShare > 0);
  const top = (pivot as { inputRanking?: ReadonlyArray<{ path: string; varianceShare: number }> | null } | undefined)?.inputRanking?.[0];
  if (!pivot || !top) return null;
  const range = inputs.find((i) => i.path === top.path);
  const drawn = range ? ` (drawn between ${formatNumber(range.low)} and ${formatNumber(range.high)})` : '';
  return `What would change it: ${top.path}${drawn} explains ${formatPercent(top.varianceShare, 0)} of how ${pivot.name}'s NPV against ${baseline.name} varies across the replications (squared rank correlation); ${inputs.length - 1} other uncertain input${inputs.length === 2 ? '' : 's'} explain${inputs.length === 2 ? 's' : ''} less.`;
}

/** A figure as written in a scenario: whole numbers grouped, small ones in their own precision. */
function formatNumber(x: number): string {
  return Number.isInteger(x) ? x.toLocaleString('en-US') : Math.abs(x) < 0.01 ? x.toExponential(1) : String(Number(x.toPrecision(3)));
}

/** ` (95% interval $a to $b)` of a paired difference, signed so that positive reads as "less". */
function interval(d: ComparedOption['npvDifferenceFromBaselineUsd'], sign: 1 | -1): string {
  if (d.ci95Usd === null) return '';
  const [low, high] = d.ci95Usd;
  const ends = sign === 1 ? [low, high] : [-high, -low];
  return ` (95% interval ${formatUsd(ends[0] ?? 0)} to ${formatUsd(ends[1] ?? 0)})`;
}

/**
 * When owning wins, the lease against renting still matters to a tenant who cannot build: the
 * lease (the first option) against the cheapest cloud option that delivers all the work.
 */
function rentingNote(ranked: readonly ComparedOption[], winner: ComparedOption, baseline: ComparedOption): string | null {
  if (winner.own === null || baseline.lease === null || baseline.deliveredAllShare < 1) return null;
  const cloud = ranked.find((o) => cloudKinds.includes(o.kind) && o.deliveredAllShare === 1);
  if (!cloud) return null;
  const d = cloud.npvDifferenceFromBaselineUsd;
  const cheaper = d.meanUsd >= 0;
  const sure = d.ci95Usd === null ? '' : d.ci95Usd[0] > 0 || d.ci95Usd[1] < 0 ? ', and the interval excludes zero' : ', but the interval includes zero';
  return `Against renting, for a tenant who does not build: ${baseline.name} is ${formatUsd(Math.abs(d.meanUsd))} ${cheaper ? 'cheaper' : 'dearer'} in NPV than ${cloud.name}, the cheapest cloud that delivers all the work${interval(d, 1)}${sure}.`;
}

/**
 * The lease against the cloud that is cheapest for the lease's work: the utilization above which
 * the lease's GPU-hours cost less, and the utilization this plan gives it.
 */
function leaseBreakEvenNote(c: Comparison): string | null {
  const against = c.breakEven.filter((b) => b.lease === c.baseline && b.utilization !== null).sort((a, b) => a.cloudPricePerLeaseGpuHourUsd - b.cloudPricePerLeaseGpuHourUsd)[0];
  if (!against || against.utilization === null) return null;
  const plan = against.leaseUtilization === null ? '' : `; this plan keeps it ${formatPercent(against.leaseUtilization, 0)} busy`;
  if (against.utilization > 1) {
    return `Even fully used, the lease (${formatUsd(against.leaseCostPerAvailableGpuHourUsd)} per available GPU-hour) costs more per GPU-hour of work than ${against.against} (${formatUsd(against.cloudPricePerLeaseGpuHourUsd)})${plan}.`;
  }
  return `The lease costs less per GPU-hour of work than ${against.against}, its cheapest cloud alternative, only above ${formatPercent(against.utilization, 0)} utilization${plan}.`;
}
