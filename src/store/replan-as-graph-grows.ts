// Query plans for a graph that grows fast. Neo4j caches a plan with the statistics of the graph
// it was made on, and replans only when those diverged and at least 10 s (by default) have passed.
// Plans made on an empty graph (a first ingest) can scan what a seek would find, so a batch's
// cost grew with the graph until that replan. Here writers drop the cached plans each time the
// papers in the graph double, which is a handful of times for any ingest.
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toNumber } from './neo4j-values.ts';

/** Below this many papers a graph is small enough that no plan goes far wrong. */
const FIRST_REPLAN_AT = 1000;

const papersSeen = new WeakMap<Neo4jConnection, { papers: number; replanAt: number }>();

/**
 * Call after writing `written` papers: clears the plan cache when the graph has doubled. Never
 * throws: the write is committed, and a missed replan only costs time.
 */
export async function replanAsGraphGrows(
  connection: Neo4jConnection,
  written: number,
): Promise<void> {
  const run = (query: string) =>
    connection.driver.executeQuery(query, {}, { database: connection.database });
  let state = papersSeen.get(connection);
  if (!state) {
    // NOTE: an unfiltered label count is answered from the count store.
    const counted = await run('MATCH (p:Paper) RETURN count(p) AS n').catch(() => null);
    if (!counted) return;
    const papers = toNumber(counted.records[0]?.get('n'));
    state = { papers, replanAt: Math.max(FIRST_REPLAN_AT, 2 * papers) };
    papersSeen.set(connection, state);
  } else {
    state.papers += written;
  }
  if (state.papers < state.replanAt) return;
  state.replanAt = 2 * state.papers;
  // A server that does not let this user clear its caches replans on its own schedule.
  await run('CALL db.clearQueryCaches()').catch(() => (state.replanAt = Infinity));
}
