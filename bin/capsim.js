#!/usr/bin/env node
import { interrupt, main } from '../dist/cli.js';

// Ctrl-C: exit 130 at once (see interrupt in src/cli.ts); outputs are written whole or not at all.
process.once('SIGINT', () => interrupt());
process.exitCode = await main(process.argv.slice(2));
