/**
 * How a list item is named in a metric's key path: `.frontier-pretrain` for an item with a name
 * made of letters, digits, `_` and `-` (a run, an option), `["my run"]` for any other name, and
 * `[3]` for an item without one (a month).
 */
export function itemSegment(item: unknown, index: number): string {
  const name = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as { name?: unknown }).name : undefined;
  if (typeof name !== 'string' || name === '') return `[${index}]`;
  return /^[A-Za-z0-9_-]+$/.test(name) && !/^\d+$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** The key path of a named run's metric in replicated statistics: `runs.<name>.<field>`. */
export function runMetricPath(name: string, field: string): string {
  return `runs${itemSegment({ name }, 0)}.${field}`;
}
