// Build step: bundle the command (bin/capsim.js) from the compiled dist/ into dist/cli-bundle/.
//
// Why: Node 20's ES module loader costs about 0.6 ms per file (resolve, stat, read, link), and a
// command loads a few hundred (zod alone is about 100 files, yaml about 70): that was most of the
// CPU `capsim validate` took before it printed anything. Bundled, the code a command needs is a
// handful of files. Each command still loads only its own code: code splitting keeps every
// dynamic import() (a command's action, the reports, the charts) a chunk loaded when it runs, and
// modules shared by chunks exist once (one zod, one ScenarioError class).
//
// esbuild: the standard bundler for Node programs, one dependency with no install-time download
// (its binary is an npm package), and it reads the JavaScript tsc wrote, so the bundle runs the
// same code as dist/ (the library API in dist/ is not bundled; it is what `import 'capsim'` loads).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * zod re-exports every language's messages (z.locales, about 375 KB of the 790 KB zod bundles to,
 * a fifth of what `capsim validate` loaded). capsim words its problems itself from zod's issues
 * and keeps zod's default language, English, which zod sets from its own locales/en.js; in the
 * bundle z.locales holds that one alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({ contents: "export { default as en } from './en.js';", resolveDir: dirname(args.path) }));
  },
};

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist/cli-bundle');
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // The command, and the two worker threads' entries: compiledBeside() finds each beside the
  // chunk that starts it. The output is two folders below the package root, as dist/cli/ is, so
  // the package.json, templates and scenarios resolve as they do from there.
  entryPoints: { cli: 'dist/cli.js', 'compute-worker': 'dist/cli/compute-worker.js', worker: 'dist/montecarlo/worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // piscina starts its own worker file from its own folder; the sketches' protobuf runtime finds
  // its modules by a require it hides from bundlers. Both load from node_modules as before.
  external: ['piscina', '@datadog/sketches-js'],
  // CommonJS dependencies bundled into ES modules call require() for Node's own modules.
  banner: { js: "import { createRequire as __capsimCreateRequire } from 'node:module'; const require = __capsimCreateRequire(import.meta.url);" },
  // Names stay as written: bundling renames clashing names, and dependencies read them
  // (commander names its errors this.constructor.name).
  keepNames: true,
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
});
