import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from './input-error.ts';

/** An input opened for streaming: its name for messages, its first chunk, and the rest. */
export interface OpenedInput {
  /** The path as given, or `<stdin>` for `-`. */
  name: string;
  /** The first decoded chunk ('' for an empty input), used to detect the format. */
  head: string;
  /** All decoded chunks, `head` first. */
  chunks: AsyncIterable<string>;
  /** Stops reading and releases the file, for an input that will not be read further. */
  close(): Promise<void>;
}

/** Chunks read at a time; small enough that a huge file is never held in memory. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Opens a path (or `-` for stdin) as a stream of UTF-8 chunks. Gzip is read directly, told by its
 * magic bytes (1f 8b) rather than by the file name, so `.gz` files and piped gzip both work. Fails
 * with an `InputError` for a missing or unreadable file, a directory, or binary content (a NUL byte
 * in the first chunk).
 */
export async function openInput(source: string): Promise<OpenedInput> {
  const name = source === '-' ? '<stdin>' : source;
  let stream: NodeJS.ReadableStream;
  if (source === '-') {
    stream = process.stdin;
  } else {
    await assertReadable(source);
    stream = createReadStream(source, { highWaterMark: CHUNK_BYTES });
  }
  const iterator = decodeChunks(await gunzipIfGzip(stream, name), name)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? '' : first.value;
  if (head.includes('\u0000')) {
    await iterator.return?.(undefined);
    throw new InputError(`${name}: looks like a binary file (it contains NUL bytes), not text`);
  }
  async function* chunks(): AsyncGenerator<string> {
    if (first.done) return;
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return {
    name,
    head,
    chunks: chunks(),
    close: async () => {
      await iterator.return?.(undefined);
    },
  };
}

/** The stream as it is, or inflated when its first two bytes are the gzip magic number. */
async function gunzipIfGzip(
  stream: NodeJS.ReadableStream,
  name: string,
): Promise<NodeJS.ReadableStream> {
  const bytes = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let first: IteratorResult<Buffer | string>;
  try {
    first = await bytes.next();
  } catch (error) {
    throw new InputError(`${name}: reading failed (${(error as Error).message})`);
  }
  async function* all(): AsyncGenerator<Buffer | string> {
    try {
      if (first.done) return;
      yield first.value;
      for (;;) {
        const next = await bytes.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await bytes.return?.();
    }
  }
  const head = first.done ? null : first.value;
  const gzip = Buffer.isBuffer(head) && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (!gzip) return Readable.from(all(), { objectMode: false });
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  // The failure surfaces where the inflated stream is read (decodeChunks names the input).
  pipeline(Readable.from(all(), { objectMode: false }), gunzip).catch(() => {});
  return gunzip;
}

async function* decodeChunks(stream: NodeJS.ReadableStream, name: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text.length > 0) yield text;
    }
  } catch (error) {
    throw new InputError(`${name}: reading failed (${(error as Error).message})`);
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/**
 * Fails with an `InputError` unless `source` is `-` or an existing file; lets a command check all
 * its inputs before printing anything.
 */
export async function assertReadable(source: string): Promise<void> {
  if (source === '-') return;
  try {
    const info = await stat(source);
    if (info.isDirectory()) throw new InputError(`${source}: is a directory, not a file`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${source}: no such file`
        : `${source}: cannot be read (${code ?? String(error)})`,
    );
  }
}

/** Splits decoded chunks into lines (without `\n` or `\r\n`), numbered from 1. */
export async function* readLines(
  chunks: AsyncIterable<string>,
): AsyncGenerator<{ line: string; number: number }> {
  let pending = '';
  let number = 0;
  for await (const chunk of chunks) {
    pending += chunk;
    let at = pending.indexOf('\n');
    let from = 0;
    while (at !== -1) {
      number += 1;
      yield { line: stripCr(pending.slice(from, at)), number };
      from = at + 1;
      at = pending.indexOf('\n', from);
    }
    pending = pending.slice(from);
  }
  if (pending.length > 0) {
    number += 1;
    yield { line: stripCr(pending), number };
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
