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
 * The metrics of a report, by key path (`cluster.utilization`, `runs.frontier-pretrain.ettr`,
 * `months[3].utilization`), in the report's own order. A list's items are named by their `name`
 * when they have one, else by index. Generic on purpose: a section added to the Summary gets its
 * statistics without a change here. Numbers, and ISO dates outside the `scenario` section (a
 * run's finish), are metrics; null, non-finite and other leaves are left out; so is `skip`
 * (provenance, which differs by replication by design).
 */
export function metricLeaves(value: unknown, skip: ReadonlySet<string> = new Set(['capsim'])): MetricLeaf[] {
  const out: MetricLeaf[] = [];
  const walk = (v: unknown, path: string, listed: boolean): void => {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) out.push({ path, value: v, date: false, listed });
    } else if (typeof v === 'string') {
      if (isoDateTime.test(v) && !path.startsWith('scenario.')) out.push({ path, value: parseIsoMinutes(v), date: true, listed });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}${itemSegment(item, i)}`, true));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const child = path === '' ? key : `${path}.${key}`;
        if (!skip.has(child)) walk(item, child, listed);
      }
    }
  };
  walk(value, '', false);
  return out;
}
