import { Document, parseDocument } from 'yaml';
import { parseKeyPath, type Setting } from './setting.js';

/**
 * The scenario text with each setting's key set to its value, edited in the YAML document so that
 * comments and the layout of everything else stay where they were (problems found in a point then
 * point at the same lines as in the file).
 */
export function applySettings(text: string, settings: readonly Setting[]): string {
  if (settings.length === 0) return text;
  const doc = parseDocument(text);
  for (const s of settings) doc.setIn(parseKeyPath(s.path) ?? [s.path], s.value);
  return doc.toString();
}

/** A scenario given as data with each setting's key set to its value; the data is not changed. */
export function applySettingsToData(data: unknown, settings: readonly Setting[]): unknown {
  if (settings.length === 0) return data;
  const doc = new Document(data);
  for (const s of settings) doc.setIn(parseKeyPath(s.path) ?? [s.path], s.value);
  return doc.toJS();
}
