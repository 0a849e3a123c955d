import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

/**
 * An empty project with capsim installed from the tarball `npm pack` makes of this tree, and
 * `@types/node` beside it (a TypeScript user has it). Installed without the network: npm needs
 * the registry's metadata to resolve version ranges, which `npm ci` never fetches, so the project
 * gets a lockfile instead, pinning what this repository's lockfile pins (capsim's dependencies,
 * each with its integrity), and `npm ci --offline` takes every tarball from the npm cache that
 * this repository's `npm ci` filled.
 */
export function consumerProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'capsim-consumer-'));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; license: string; dependencies: Record<string, string>; bin: unknown; engines: unknown };
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
  // dist/ and schema/ are what the test setup built: no scripts, so packing does not rebuild them.
  const tarball = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], '.').trim().split('\n').pop() as string;
  const typesNode = lock.packages['node_modules/@types/node']?.version as string;
  const dependencies = { capsim: `file:${tarball}`, '@types/node': typesNode };
  const packages: Record<string, LockEntry> = {
    '': { name: 'consumer', dependencies },
    'node_modules/capsim': {
      version: pkg.version,
      resolved: `file:${tarball}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(join(dir, tarball))).digest('base64')}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of closure(lock.packages, [...Object.keys(pkg.dependencies), '@types/node'])) {
    const { dev: _dev, devOptional: _devOptional, ...kept } = entry;
    packages[key] = kept;
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
  return dir;
}

/** The lockfile entries `names` need, found as Node finds a package: the nearest node_modules up the tree. */
function closure(packages: Record<string, LockEntry>, names: string[]): Map<string, LockEntry> {
  const kept = new Map<string, LockEntry>();
  const visit = (from: string, name: string): void => {
    for (let base = from; ; ) {
      const key = `${base === '' ? '' : `${base}/`}node_modules/${name}`;
      const entry = packages[key];
      if (entry) {
        if (kept.has(key)) return;
        kept.set(key, entry);
        for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(key, dep);
        return;
      }
      if (base === '') return; // an optional dependency for another platform: not in the lockfile's tree here
      const up = base.lastIndexOf('/node_modules/');
      base = up === -1 ? '' : base.slice(0, up);
    }
  };
  for (const name of names) visit('', name);
  return kept;
}

export function run(command: string, args: string[], cwd: string, input?: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input === undefined ? {} : { input }) });
}
