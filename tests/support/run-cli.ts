// Runs `papergraph` as a user would, against the test Neo4j.
import { spawn } from 'node:child_process';
import { inject } from 'vitest';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const { uri, user, password } = inject('neo4j');
  const child = spawn(process.execPath, ['bin/papergraph', ...args], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      ...(user ? { NEO4J_USER: user } : {}),
      ...(password ? { NEO4J_PASSWORD: password } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}
