#!/usr/bin/env node
import { interrupt, main, stdoutFailed } from '../dist/cli.js';

// Ctrl-C: exit 130 at once (see interrupt in src/cli.ts); outputs are written whole or not at all.
process.once('SIGINT', () => interrupt());
// A reader that stops early (`capsim schema | head`): stop quietly (see stdoutFailed).
process.stdout.on('error', stdoutFailed);
process.exitCode = await main(process.argv.slice(2));
