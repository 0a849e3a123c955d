import { readFileSync } from 'node:fs';

/** capsim's version, from package.json beside src/ (or dist/). */
export function capsimVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
