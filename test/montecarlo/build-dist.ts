import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Vitest global setup: worker threads load the compiled worker from dist/ (Node 20 cannot load
 * TypeScript in a worker), so dist/ must match src/. `npm ci` builds it; this rebuilds it when a
 * source is newer, so a fresh clone and an edited tree both test what the sources say; and the
 * package test packs dist/ and the generated schema/ as they are. The command's bundle is built
 * from dist/, so it is rebuilt whenever dist/ is.
 */
export default function setup(): void {
  const worker = 'dist/montecarlo/worker.js';
  const schema = 'schema/scenario.schema.json';
  const stale = !existsSync(worker) || newestMtime('src') > statSync(worker).mtimeMs;
  if (stale) {
    try {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'pipe' });
    } catch {
      // Type errors still emit JavaScript; the typecheck step of `npm test` reports them.
    }
  }
  // The rest of `npm run build`: the JSON Schema generated from the compiled zod schema, and the
  // command's bundle (bin/capsim.js runs it; the tests that start capsim run what it ships).
  if (stale || !existsSync(schema)) execFileSync(process.execPath, ['scripts/write-schema.js'], { stdio: 'pipe' });
  const bundle = 'dist/cli-bundle/cli.js';
  if (stale || !existsSync(bundle) || statSync(bundle).mtimeMs < statSync(worker).mtimeMs) execFileSync(process.execPath, ['scripts/bundle-cli.js'], { stdio: 'pipe' });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}
