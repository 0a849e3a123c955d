#!/usr/bin/env node
import { interrupt, main, stdoutFailed } from '../dist/cli-bundle/cli.js';

// Ctrl-C: the command stops and exits 130 (see interrupt in src/cli.ts); outputs are written whole or not at all.
process.on('SIGINT', () => interrupt());
// A reader that stops early (`capsim schema | head`): stop quietly (see stdoutFailed).
process.stdout.on('error', stdoutFailed);
process.exitCode = await main(process.argv.slice(2));
