import { parseIsoMinutes } from '../model/time.js';
import { itemSegment } from '../reports/metric-path.js';

/** One metric of a report: its key path and value; a date is minutes since 1970 (UTC). */
export interface MetricLeaf {
  path: string;
  value: number;
  date: boolean;
  /** Inside a list (a run, a month): not one of the report's scalars. */
  listed: boolean;
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

/**
 * A place in a report's tree, with its key path worked out once. Reports of one scenario have the
 * same shape replication after replication, so a walker that keeps these builds each path string
 * (and runs each name's check) once, not once per replication.
 */
export class MetricNode<T> {
  /** What the caller keeps at this path (a metric's accumulator), set on first use. */
  slot: T | undefined = undefined;
  private keys: Map<string, MetricNode<T>> | undefined;
  private names: Map<string, MetricNode<T>> | undefined;
  private indices: Array<MetricNode<T>> | undefined;

  constructor(
    readonly path: string,
    readonly listed: boolean,
    /** Left out, with all below it (provenance). */
    readonly skipped: boolean,
    /** Under `scenario`: its ISO strings are inputs, not metrics. */
    readonly inScenario: boolean,
  ) {}

  key(key: string, skip: ReadonlySet<string>): MetricNode<T> {
    this.keys ??= new Map();
    let child = this.keys.get(key);
    if (!child) {
      const path = this.path === '' ? key : `${this.path}.${key}`;
      child = new MetricNode<T>(path, this.listed, skip.has(path), this.inScenario || path.startsWith('scenario.'));
      this.keys.set(key, child);
    }
    return child;
  }

  item(item: unknown, index: number): MetricNode<T> {
    const name = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as { name?: unknown }).name : undefined;
    const named = typeof name === 'string' && name !== '';
    let child = named ? this.names?.get(name) : this.indices?.[index];
    if (!child) {
      const path = `${this.path}${itemSegment(item, index)}`;
      child = new MetricNode<T>(path, true, false, this.inScenario || path.startsWith('scenario.'));
      if (named) (this.names ??= new Map()).set(name, child);
      else (this.indices ??= [])[index] = child;
    }
    return child;
  }
}

/**
 * Calls `visit` with each metric of a report, in the report's own order, and the node of its key
 * path (`cluster.utilization`, `runs.frontier-pretrain.ettr`, `months[3].utilization`). A list's
 * items are named by their `name` when they have one, else by index. Generic on purpose: a section
 * added to the Summary gets its statistics without a change here. Numbers, and ISO dates outside
 * the `scenario` section (a run's finish), are metrics; null, non-finite and other leaves are left
 * out; so is `skip` (provenance, which differs by replication by design). Pass the same `root`
 * report after report to reuse the paths.
 */
export function visitMetrics<T>(
  value: unknown,
  root: MetricNode<T>,
  visit: (node: MetricNode<T>, value: number, date: boolean) => void,
  skip: ReadonlySet<string> = defaultSkip,
): void {
  const walk = (v: unknown, node: MetricNode<T>): void => {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) visit(node, v, false);
    } else if (typeof v === 'string') {
      if (!node.inScenario && isoDateTime.test(v)) visit(node, parseIsoMinutes(v), true);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) {
        const item: unknown = v[i];
        walk(item, node.item(item, i));
      }
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        const child = node.key(key, skip);
        if (!child.skipped) walk((v as Record<string, unknown>)[key], child);
      }
    }
  };
  walk(value, root);
}

const defaultSkip: ReadonlySet<string> = new Set(['capsim']);

/** The metrics of a report as a list (see visitMetrics). */
export function metricLeaves(value: unknown, skip: ReadonlySet<string> = defaultSkip): MetricLeaf[] {
  const out: MetricLeaf[] = [];
  visitMetrics(value, new MetricNode<never>('', false, false, false), (node, v, date) => out.push({ path: node.path, value: v, date, listed: node.listed }), skip);
  return out;
}
