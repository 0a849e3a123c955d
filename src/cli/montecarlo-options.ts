import { InvalidArgumentError, Option } from 'commander';
import { limits } from '../scenario/limits.js';
import { parseShard, type Shard } from '../montecarlo/shard.js';

/** A whole number >= 1 and a safe integer: 9007199254740993 is refused, not rounded. */
export function parsePositive(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number >= 1, found "${value}"`);
  return n;
}

function parseReplicationCount(value: string): number {
  const n = parsePositive(value);
  if (n > limits.maxReplications) throw new InvalidArgumentError(`expected at most ${limits.maxReplications.toLocaleString('en-US')} replications, found ${value}`);
  return n;
}

function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError(`expected k/n with 1 <= k <= n (the k-th of n shards), found "${value}"`);
  return shard;
}

export function replicationsOption(description = 'run n independent replications and report statistics of every metric'): Option {
  return new Option('-r, --replications <n>', description).argParser(parseReplicationCount);
}

export function workersOption(): Option {
  return new Option('-w, --workers <n>', "worker threads (default: the machine's cores; more needs --force); the output is the same for any number")
    .argParser(parsePositive);
}

export function shardOption(): Option {
  return new Option('--shard <k/n>', 'run only the k-th of n shards and write a partial result for `capsim merge`').argParser(parseShardOption);
}

export function quietOption(): Option {
  return new Option('-q, --quiet', 'no progress bar');
}

export function metricOption(): Option {
  return new Option('-m, --metric <path...>', 'report only these metrics: key paths or their prefixes (cluster, runs.frontier-pretrain, money.idleCostUsd)');
}
