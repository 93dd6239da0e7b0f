// Runs `papergraph` as a user would, against the test Neo4j.
import { spawn } from 'node:child_process';
import { inject } from 'vitest';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Given on stdin (`papergraph ingest -`); without it stdin is closed. */
  input?: Buffer;
}

/** Starts `papergraph` with piped output, for tests that watch or kill it. */
export function startCli(args: string[], { stdin = false } = {}) {
  const { uri, user, password } = inject('neo4j');
  const child = spawn(process.execPath, ['bin/papergraph', ...args], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      ...(user ? { NEO4J_USER: user } : {}),
      ...(password ? { NEO4J_PASSWORD: password } : {}),
    },
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const { stdout, stderr } = child;
  if (!stdout || !stderr) throw new Error('papergraph started without piped output');
  return Object.assign(child, { stdout, stderr });
}

/** Runs `papergraph` to its end: its exit code and what it printed. */
export function runCli(args: string[], { input }: CliOptions = {}): Promise<CliResult> {
  const child = startCli(args, { stdin: input !== undefined });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin?.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
