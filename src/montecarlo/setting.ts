import { parse as parseYaml } from 'yaml';
import { parseKeyPath } from '../scenario/key-path.js';

/** One scenario key set to one value for a sweep point, e.g. `cluster.racks` = 200. */
export interface Setting {
  path: string;
  value: unknown;
}

export { parseKeyPath } from '../scenario/key-path.js';

/**
 * `cluster.racks=100,200,300` -> the path and its values, each read as a YAML scalar (so `200`
 * is a number, `auto` a string, `2026-07-01` a date string). Null when malformed.
 */
export function parseSetOption(text: string): { path: string; values: unknown[] } | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  const path = text.slice(0, eq).trim();
  const items = text.slice(eq + 1).split(',').map((s) => s.trim());
  if (!parseKeyPath(path) || items.some((s) => s === '')) return null;
  return { path, values: items.map(readScalar) };
}

/** A range for a Latin hypercube: `cluster.racks=100:300`; whole bounds give whole values. */
export interface Range {
  path: string;
  min: number;
  max: number;
  integer: boolean;
}

export function parseRangeOption(text: string): Range | null {
  const m = /^([^=]+)=\s*(-?[\d.eE+-]+)\s*:\s*(-?[\d.eE+-]+)\s*$/.exec(text);
  if (!m || !parseKeyPath((m[1] as string).trim())) return null;
  const min = Number(m[2]);
  const max = Number(m[3]);
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) return null;
  const integer = /^-?\d+$/.test(m[2] as string) && /^-?\d+$/.test(m[3] as string);
  return { path: (m[1] as string).trim(), min, max, integer };
}

function readScalar(text: string): unknown {
  try {
    const value: unknown = parseYaml(text);
    return value instanceof Date ? text : value;
  } catch {
    return text;
  }
}
