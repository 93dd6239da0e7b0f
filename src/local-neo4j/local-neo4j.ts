// Runs the Java launcher in neo4j/ as a child process, with a pid file and a log under the data
// directory, and tells the truth about its state (a kill -9 leaves a stale pid file we detect).
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureLauncherBuilt, LAUNCHER_MAIN, launcherClasspath } from './build-launcher.ts';
import { LocalNeo4jError } from './local-neo4j-error.ts';

// The JVM flags Neo4j's own launch scripts pass: without the --add-opens the kernel cannot reach
// file descriptors and direct buffers and falls back to slower paths (and warns in debug.log).
const NEO4J_JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
];

export interface LocalNeo4jOptions {
  dataDir: string;
  port: number;
  /** @default 1024 */
  heapMb?: number;
  /** @default 256 */
  pageCacheMb?: number;
  /**
   * When set, the JVM exits by itself if this process dies (even by kill -9), so `npm start` and
   * the test setup never leave an orphan. `papergraph db start` leaves it unset.
   */
  tiedToParent?: boolean;
  /** How long to wait for the ready line. @default 120000 */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export type LocalNeo4jStatus =
  | { state: 'running'; pid: number; port: number; boltUrl: string }
  | { state: 'stopped' }
  | { state: 'stale'; pid: number; port: number; reason: string };

interface PidFile {
  pid: number;
  port: number;
}

const READY = 'PAPERGRAPH_NEO4J_READY';

const pidPath = (dataDir: string) => path.join(dataDir, 'neo4j.pid');
export const logPath = (dataDir: string) => path.join(dataDir, 'neo4j.log');
const boltUrlOf = (port: number) => `bolt://127.0.0.1:${port}`;

function readPidFile(dataDir: string): PidFile | null {
  try {
    const parsed = JSON.parse(readFileSync(pidPath(dataDir), 'utf8')) as Partial<PidFile>;
    return typeof parsed.pid === 'number' && typeof parsed.port === 'number'
      ? { pid: parsed.pid, port: parsed.port }
      : null;
  } catch {
    return null;
  }
}

/** True when `pid` is alive and is our launcher (not a recycled pid of another program). */
function isOurLauncher(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(LAUNCHER_MAIN);
  } catch {
    return true; // no /proc (macOS): a live pid is the best we can know
  }
}

function boltAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function localNeo4jStatus(dataDir: string): Promise<LocalNeo4jStatus> {
  const pidFile = readPidFile(dataDir);
  if (!pidFile) {
    return existsSync(pidPath(dataDir))
      ? { state: 'stale', pid: -1, port: -1, reason: 'the pid file is unreadable' }
      : { state: 'stopped' };
  }
  if (!isOurLauncher(pidFile.pid)) {
    return {
      ...pidFile,
      state: 'stale',
      reason: `process ${pidFile.pid} is gone (crashed or killed)`,
    };
  }
  if (!(await boltAnswers(pidFile.port))) {
    return {
      ...pidFile,
      state: 'stale',
      reason: `process ${pidFile.pid} is alive but Bolt does not answer on port ${pidFile.port}`,
    };
  }
  return { ...pidFile, state: 'running', boltUrl: boltUrlOf(pidFile.port) };
}

function tail(file: string, from: number, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').slice(from).trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts the local Neo4j, or returns the one already running on this data directory (starting
 * twice is harmless). Resolves once Bolt accepts connections.
 */
export async function startLocalNeo4j(
  options: LocalNeo4jOptions,
): Promise<{ pid: number; boltUrl: string; started: boolean }> {
  const { dataDir, port, log = () => {} } = options;
  mkdirSync(dataDir, { recursive: true });
  const status = await localNeo4jStatus(dataDir);
  if (status.state === 'running') {
    return { pid: status.pid, boltUrl: status.boltUrl, started: false };
  }
  if (status.state === 'stale') {
    log(`removing a stale pid file: ${status.reason}`);
    if (status.pid > 0 && isOurLauncher(status.pid)) process.kill(status.pid, 'SIGKILL');
    rmSync(pidPath(dataDir), { force: true });
  }
  if (await boltAnswers(port)) {
    throw new LocalNeo4jError(
      `port ${port} is already taken by another program; set PAPERGRAPH_BOLT_PORT to a free port`,
    );
  }
  ensureLauncherBuilt(log);

  const logFile = logPath(dataDir);
  const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
  const fd = openSync(logFile, 'a');
  const args = [
    `-Xms${Math.min(256, options.heapMb ?? 1024)}m`,
    `-Xmx${options.heapMb ?? 1024}m`,
    ...NEO4J_JVM_FLAGS,
    '-cp',
    launcherClasspath(),
    LAUNCHER_MAIN,
    '--data',
    path.join(dataDir, 'db'),
    '--port',
    String(port),
    '--pagecache-mb',
    String(options.pageCacheMb ?? 256),
    ...(options.tiedToParent ? ['--parent-pid', String(process.pid)] : []),
  ];
  const child = spawn('java', args, { detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exitCode: number | null | undefined;
  child.once('exit', (code, signal) => (exitCode = code ?? (signal ? -1 : null)));
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError('could not start java');
  writeFileSync(pidPath(dataDir), JSON.stringify({ pid, port } satisfies PidFile));
  log(`starting Neo4j (pid ${pid}, Bolt on 127.0.0.1:${port}, log ${logFile})`);

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      rmSync(pidPath(dataDir), { force: true });
      throw new LocalNeo4jError(
        `Neo4j exited while starting; the end of ${logFile}:\n${tail(logFile, logOffset)}`,
      );
    }
    if (readFileSync(logFile, 'utf8').slice(logOffset).includes(READY)) {
      return { pid, boltUrl: boltUrlOf(port), started: true };
    }
    await sleep(200);
  }
  process.kill(pid, 'SIGKILL');
  rmSync(pidPath(dataDir), { force: true });
  throw new LocalNeo4jError(
    `Neo4j did not become ready in time; the end of ${logFile}:\n${tail(logFile, logOffset)}`,
  );
}

/** Stops the local Neo4j cleanly (SIGTERM, then SIGKILL after the timeout); true if one ran. */
export async function stopLocalNeo4j(dataDir: string, timeoutMs = 60_000): Promise<boolean> {
  const pidFile = readPidFile(dataDir);
  rmSync(pidPath(dataDir), { force: true });
  if (!pidFile || !isOurLauncher(pidFile.pid)) return false;
  process.kill(pidFile.pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isOurLauncher(pidFile.pid)) return true;
    await sleep(100);
  }
  process.kill(pidFile.pid, 'SIGKILL');
  return true;
}

/** A free TCP port on loopback, for throwaway databases and servers. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
