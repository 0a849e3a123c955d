/**
 * The numeric leaves of a report, by key path (`cluster.utilization`, `runs[0].ettr`,
 * `runs[1].interruptionsByCause.gpu`), in the report's own order. Generic on purpose: a section
 * added to the Summary gets its statistics without a change here. Null, non-finite and non-numeric
 * leaves are left out; so is `skip` (provenance, which differs by replication by design).
 */
export function numericLeaves(value: unknown, skip: ReadonlySet<string> = new Set(['capsim'])): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) out.push([path, v]);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const child = path === '' ? key : `${path}.${key}`;
        if (!skip.has(child)) walk(item, child);
      }
    }
  };
  walk(value, '');
  return out;
}
