// What a run takes from its inputs: the collection its papers join, and the shard it processes.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ReadResult } from '../ingest/read-result.ts';

/** The default collection of an input: its file name, or `stdin`. */
export function collectionOf(source: string): string {
  return source === '-' ? 'stdin' : path.basename(source);
}

/** Tags each paper with a collection (a paper that already names one keeps it). */
export async function* inCollection(
  results: AsyncIterable<ReadResult>,
  collection: string,
): AsyncGenerator<ReadResult> {
  for await (const result of results) {
    yield result.kind === 'paper' && !result.paper.collection
      ? { ...result, paper: { ...result.paper, collection } }
      : result;
  }
}

/** The I-th of N shards of an input, from 1. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `I/N` (1 <= I <= N <= 1000); null when the text is no shard. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!match) return null;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count && count <= 1000 ? { index, count } : null;
}

/**
 * The shard a paper id falls in, from a hash of the id: the same on every machine and whatever
 * the order of the input, so N runs over one input split it without overlap or gap.
 */
export function shardOf(id: string, count: number): number {
  return (createHash('sha256').update(id).digest().readUInt32BE(0) % count) + 1;
}

/**
 * Keeps the papers of one shard. A record that cannot be read has no id to hash: shard 1
 * reports it, so each is reported once across the shards.
 */
export async function* inShard(
  results: AsyncIterable<ReadResult>,
  shard: Shard,
): AsyncGenerator<ReadResult> {
  for await (const result of results) {
    if (
      result.kind === 'paper'
        ? shardOf(result.paper.id, shard.count) === shard.index
        : shard.index === 1
    ) {
      yield result;
    }
  }
}
