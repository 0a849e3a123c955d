import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's entry, compiled: beside the calling module when it runs from dist/, else the
 * copy in dist/ (the tests run TypeScript sources, which worker threads cannot load on Node 20;
 * the test setup builds dist/).
 */
export function compiledBeside(here: string, file: string, distFolder: string): URL {
  const beside = new URL(`./${file}`, here);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL(`../../dist/${distFolder}/${file}`, here);
}
