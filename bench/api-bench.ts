// API benchmark (not a timed test): p50/p99 latency and requests/s of standard GraphQL queries
// over HTTP at a fixed concurrency, beside the p50 of equivalent hand-written Cypher run with the
// driver, in one run, against a synthetic benchmark graph (built once and kept). The API runs as
// `papergraph serve` processes of their own, so only the Cypher way's client shares this process.
// Neo4j's JIT needs thousands of queries to settle (a cold server spends several times the CPU
// per query), so every case is first run both ways for --warmup seconds, unmeasured.
// Usage: npm run bench:api -- [--papers N] [--concurrency N] [--seconds S] [--warmup S]
//                             [--only NAME] [--json]
// --only NAME measures the cases whose name starts with NAME, after the floor (which the lowest
// possible ratio of each case is computed from).
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { findFreePort } from '../src/local-neo4j/local-neo4j.ts';
import { ensureUiBuilt } from '../src/ui-assets/ensure-ui-built.ts';
import { openBenchGraph, type BenchGraph } from './open-bench-graph.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '30' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const papers = Number(values.papers);
const concurrency = Number(values.concurrency);
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
/** GraphQL and Cypher are measured in alternating rounds, so a noisy spell hits both alike. */
const ROUNDS = 4;
const log = (line: string) => {
  if (!values.json) console.log(line);
};

interface Case {
  name: string;
  graphql: string;
  cypher: string;
  params?: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    // The floor: a request that reads nothing, each way. What HTTP, GraphQL and the Bolt client
    // cost per request, which every other GraphQL query pays on top of its reads.
    name: 'floor({__typename} / RETURN 1)',
    graphql: `{ __typename }`,
    cypher: `RETURN 1`,
  },
  {
    name: 'whoUses(technique:"Adam",first:20)',
    graphql: `{ whoUses(technique: "Adam", first: 20) { totalCount edges { relation roles confidence
      node { id title } evidence { sentence text start end rule confidence } } } }`,
    // The same plan by hand: degree count, one ordered rank-key scan per role, one page.
    cypher: `MATCH (c:Concept {id: 'concept:adam'})
      WITH COUNT { (c)<-[:PROPOSES|USES|COMPARES]-() } AS total
      CALL () {
        MATCH (p:Paper)-[r:PROPOSES]->(:Concept) WHERE r.rankKey STARTS WITH 'concept:adam|'
        RETURN p, r ORDER BY r.rankKey LIMIT 20
        UNION ALL
        MATCH (p:Paper)-[r:USES]->(:Concept) WHERE r.rankKey STARTS WITH 'concept:adam|'
        RETURN p, r ORDER BY r.rankKey LIMIT 20
        UNION ALL
        MATCH (p:Paper)-[r:COMPARES]->(:Concept) WHERE r.rankKey STARTS WITH 'concept:adam|'
        RETURN p, r ORDER BY r.rankKey LIMIT 20
      }
      WITH total, p, r ORDER BY r.rankKey LIMIT 20
      RETURN total, p.id, p.title, type(r), r.sentence, r.text, r.start, r.end, r.rule, r.confidence, r.mentions`,
  },
  {
    // What the explorer asks: links without evidence (an opened link fetches its own).
    name: 'neighborhood(depth:2,limit:500)',
    graphql: `{ neighborhood(id: "concept:adam", depth: 2, limit: 500) { truncated
      nodes { id kind label degree } edges { id source target type role confidence } } }`,
    cypher: `MATCH (n:Concept {id: 'concept:adam'})-[r1]-(m)
      WITH n, r1, m LIMIT 500
      OPTIONAL MATCH (m)-[r2]-(o)
      WITH n, r1, m, r2, o LIMIT 2000
      RETURN m.id, m.title, m.name, COUNT { (m)--() } AS degree, type(r1), r1.role, r1.confidence,
             o.id, o.title, o.name, type(r2), r2.role, r2.confidence`,
  },
  {
    // A client that still asks for every link's evidence: one batched read more.
    name: 'neighborhood+evidence(depth:2,limit:500)',
    graphql: `{ neighborhood(id: "concept:adam", depth: 2, limit: 500) { truncated
      nodes { id kind label degree } edges { id source target type role confidence
      evidence { sentence field start end text rule confidence } } } }`,
    cypher: `MATCH (n:Concept {id: 'concept:adam'})-[r1]-(m)
      WITH n, r1, m LIMIT 500
      OPTIONAL MATCH (m)-[r2]-(o)
      WITH n, r1, m, r2, o LIMIT 2000
      RETURN m.id, m.title, m.name, COUNT { (m)--() } AS degree, type(r1), r1.role, r1.confidence,
             r1.rule, coalesce(r1.mentions, r1.sentence),
             o.id, o.title, o.name, type(r2), r2.role, r2.confidence,
             r2.rule, coalesce(r2.mentions, r2.sentence)`,
  },
  {
    name: 'search(text:"memory efficient")',
    graphql: `{ search(text: "memory efficient", first: 10) { id kind label score matched } }`,
    cypher: `CALL () {
        CALL db.index.fulltext.queryNodes('concept_names', 'memory* AND efficient*', {limit: 10}) YIELD node, score
        RETURN node.id AS id, node.name AS label, score
        UNION ALL
        CALL db.index.fulltext.queryNodes('paper_text', 'memory* AND efficient*', {limit: 10}) YIELD node, score
        RETURN node.id AS id, node.title AS label, score }
      RETURN id, label, score ORDER BY score DESC LIMIT 10`,
  },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const round = (n: number) => Math.round(n * 100) / 100;

/** CPU used by a way's requests, in ms: the bench process, the API server's, Neo4j's. */
interface CpuTally {
  client: number;
  server: number;
  neo4j: number;
  serverPid: number | null;
  neo4jPid: number;
}

/** Runs `task` from `concurrency` loops for `ms`; adds each latency to `latencies`. */
async function load(task: () => Promise<void>, ms: number, latencies: number[], cpu?: CpuTally) {
  const client0 = process.cpuUsage();
  const server0 = cpu?.serverPid ? cpuMsOf(cpu.serverPid) : 0;
  const neo4j0 = cpu ? cpuMsOf(cpu.neo4jPid) : 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await task();
        latencies.push(performance.now() - t);
      }
    }),
  );
  if (cpu) {
    const client = process.cpuUsage(client0);
    cpu.client += (client.user + client.system) / 1000;
    if (cpu.serverPid) cpu.server += cpuMsOf(cpu.serverPid) - server0;
    cpu.neo4j += cpuMsOf(cpu.neo4jPid) - neo4j0;
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

function summary(latencies: number[], elapsedMs: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    rps: round((sorted.length / elapsedMs) * 1000),
  };
}

/** `papergraph serve` against the bench's Neo4j, on a free port, once `/health` answers. */
async function startServer(boltUrl: string, responseCacheMs: number) {
  const port = await findFreePort();
  const child = spawn(process.execPath, [path.resolve('bin/papergraph'), 'serve'], {
    env: {
      ...process.env,
      NEO4J_URI: boltUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PAPERGRAPH_RESPONSE_CACHE_MS: String(responseCacheMs),
    },
    stdio: 'ignore',
  });
  process.once('exit', () => child.kill('SIGTERM')); // also when the bench fails
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    const ok = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || waited > 120_000) {
      throw new Error(`papergraph serve on port ${port} did not come up (exit ${child.exitCode})`);
    }
    await sleep(250);
  }
  return { child, pid: child.pid!, url: `${base}/graphql` };
}

type Server = Awaited<ReturnType<typeof startServer>>;

/** One case's figures: GraphQL as computed, GraphQL with the response cache, and Cypher. */
type CaseFigures = Awaited<ReturnType<typeof measureCase>>;

/**
 * Runs one case each way, warmed up, in alternating rounds. `layerCpuMs`: the floor's HTTP and
 * GraphQL CPU per request, once measured, from which the lowest possible ratio is computed.
 */
async function measureCase(
  c: Case,
  servers: Server[],
  graph: BenchGraph,
  layerCpuMs: number | null,
) {
  const { connection } = graph;
  const body = JSON.stringify({ query: c.graphql });
  const post = (url: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const graphqlAt = (url: string) => async () => {
    const json = (await (await post(url)).json()) as { errors?: unknown };
    if (json.errors) throw new Error(`${c.name}: ${JSON.stringify(json.errors)}`);
  };
  // The hand-written query runs the way the store runs its reads: auto-commit, no bookmarks.
  const cypher = async () => {
    const session = connection.driver.session({
      database: connection.database,
      defaultAccessMode: 'READ',
    });
    try {
      await session.run(c.cypher, c.params ?? {});
    } finally {
      await session.close();
    }
  };
  // The size of one answer, as the client receives it.
  const answerBytes = (await (await post(servers[0].url)).arrayBuffer()).byteLength;
  const ways = [
    { name: 'graphql', task: graphqlAt(servers[0].url), serverPid: servers[0].pid },
    { name: 'graphqlCached', task: graphqlAt(servers[1].url), serverPid: servers[1].pid },
    { name: 'cypher', task: cypher, serverPid: null },
  ].map((way) => ({
    ...way,
    latencies: [] as number[],
    cpu: { client: 0, server: 0, neo4j: 0, serverPid: way.serverPid, neo4jPid: graph.pid },
  }));
  for (const way of ways) await load(way.task, (warmupSeconds * 1000) / ways.length, []);
  const roundMs = (seconds * 1000) / ROUNDS;
  for (let i = 0; i < ROUNDS; i += 1) {
    for (const way of ways) await load(way.task, roundMs, way.latencies, way.cpu);
  }
  // CPU per request, in the client (HTTP client or driver), the API server and Neo4j.
  const [viaGraphql, viaCache, viaCypher] = ways.map((way) => ({
    ...summary(way.latencies, seconds * 1000),
    clientCpuMs: round(way.cpu.client / way.latencies.length),
    serverCpuMs: round(way.cpu.server / way.latencies.length),
    neo4jCpuMs: round(way.cpu.neo4j / way.latencies.length),
  }));
  // With the cores saturated, latency follows CPU per request. A GraphQL answer costs at
  // least the Cypher way's CPU (the same reads, the same driver, now in the API server) plus
  // the floor's HTTP and GraphQL layer: the lowest ratio any resolver could reach here.
  const cypherCpuMs = viaCypher.clientCpuMs + viaCypher.neo4jCpuMs;
  return {
    graphql: viaGraphql,
    graphqlCached: viaCache,
    cypher: viaCypher,
    cypherP50: viaCypher.p50,
    answerBytes,
    ratio: round(viaGraphql.p50 / viaCypher.p50),
    cachedRatio: round(viaCache.p50 / viaCypher.p50),
    lowestRatio: layerCpuMs === null ? null : round(1 + layerCpuMs / cypherCpuMs),
  };
}

function printCase(name: string, f: CaseFigures, layerCpuMs: number | null): void {
  const { graphql: g, graphqlCached: cached, cypher } = f;
  log(`${name}: (answer ${Math.round(f.answerBytes / 1024)} KB)`);
  log(
    `  GraphQL          p50 ${g.p50} ms, p99 ${g.p99} ms, ${g.rps} req/s; GraphQL/Cypher p50 ${f.ratio}`,
  );
  log(
    `  GraphQL, cached  p50 ${cached.p50} ms, p99 ${cached.p99} ms, ${cached.rps} req/s; GraphQL/Cypher p50 ${f.cachedRatio}`,
  );
  log(`  Cypher           p50 ${cypher.p50} ms, p99 ${cypher.p99} ms, ${cypher.rps} req/s`);
  if (f.lowestRatio !== null) {
    log(
      `  lowest GraphQL/Cypher p50 over HTTP here (Cypher way's CPU + the floor's ${round(layerCpuMs!)} ms of HTTP and GraphQL): ${f.lowestRatio}`,
    );
  }
  log(
    `  CPU per request (client + API server + Neo4j): GraphQL ${g.clientCpuMs} + ${g.serverCpuMs} + ${g.neo4jCpuMs} ms, cached ${cached.clientCpuMs} + ${cached.serverCpuMs} + ${cached.neo4jCpuMs} ms, Cypher ${cypher.clientCpuMs} + ${cypher.neo4jCpuMs} ms`,
  );
}

async function main() {
  const graph = await openBenchGraph(papers, log);
  // The same API twice, each a `papergraph serve` process of its own as deployed (the load
  // generator here does not share its event loop): as it computes every answer, and with the
  // shared response cache `npm start` turns on (repeated identical queries answered from memory).
  await ensureUiBuilt(log); // once here, not by both servers at once
  const servers = await Promise.all(
    [0, 60_000].map((cacheMs) => startServer(graph.boltUrl, cacheMs)),
  );
  const figures: Record<string, unknown> = { papers, concurrency, seconds };
  /** CPU per request of the floor's GraphQL way (HTTP client and API server), once measured. */
  let layerCpuMs: number | null = null;
  try {
    for (const c of CASES.filter(
      (c) => !values.only || c === CASES[0] || c.name.startsWith(values.only),
    )) {
      const measured = await measureCase(c, servers, graph, c === CASES[0] ? null : layerCpuMs);
      if (c === CASES[0]) layerCpuMs = measured.graphql.clientCpuMs + measured.graphql.serverCpuMs;
      figures[c.name] = measured;
      printCase(c.name, measured, layerCpuMs);
    }
    log('targets: ratio <= 1.3, whoUses p99 <= 30 ms, neighborhood p50 <= 60 ms');
    if (values.json) console.log(JSON.stringify(figures));
  } finally {
    for (const { child } of servers) child.kill('SIGTERM');
    await graph.close();
  }
}

await main();
