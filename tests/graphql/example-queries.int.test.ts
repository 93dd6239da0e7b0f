// GraphiQL's saved examples run against the seed graph and answer what their comments promise.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { EXAMPLE_QUERIES } from '../../src/graphql/example-queries.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { SEED_FILE } from '../support/seed-results.ts';
import { openTestDatabase } from '../support/test-database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

let connection: Neo4jConnection;
let app: App;

beforeAll(async () => {
  connection = await openTestDatabase();
  await ingestPapers(connection, readSources([SEED_FILE]));
  app = createApp({ connection });
});
afterAll(async () => {
  await connection?.close();
});

/** What each example's comment promises, checked on its answer. */
const PROMISES: Record<string, (data: Data) => void> = {
  WhoUsesAdam: ({ whoUses }) => {
    expect(whoUses.technique).toMatchObject({ id: 'concept:adam', name: 'Adam' });
    expect(whoUses.totalCount).toBeGreaterThan(0);
    for (const edge of whoUses.edges) {
      if (edge.relation === 'DIRECT') {
        expect(edge.roles).not.toEqual([]);
        expect(edge.evidence[0].sentence).toMatch(/Adam/i);
      } else {
        expect(edge.through).not.toBeNull();
      }
    }
  },
  MemoryClaims: ({ claims }) => {
    expect(claims.totalCount).toBeGreaterThan(0);
    for (const { node } of claims.edges) {
      expect(node.kind).toBe('MEMORY');
      expect(node.paper.title).not.toBe('');
    }
  },
  GraphStats: ({ stats }) => {
    expect(stats.papers).toBeGreaterThan(0);
    expect(stats.concepts).toBeGreaterThan(0);
    expect(stats.topConcepts).toHaveLength(5);
    const counts = stats.topConcepts.map((c: { papers: number }) => c.papers);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  },
  AdamNeighbourhood: ({ neighborhood }) => {
    expect(neighborhood.nodes.map((n: { id: string }) => n.id)).toContain('concept:adam');
    expect(neighborhood.nodes.length).toBeGreaterThan(1);
    expect(neighborhood.edges.length).toBeGreaterThan(0);
  },
  PaperDetails: ({ papers }) => {
    expect(papers.edges).toHaveLength(1);
    const paper = papers.edges[0].node;
    expect(paper.concepts.map((c: { concept: { name: string } }) => c.concept.name)).toContain(
      'Adam',
    );
    for (const link of paper.concepts) expect(link.evidence.length).toBeGreaterThan(0);
  },
};

test.each(EXAMPLE_QUERIES.map(({ query }) => [/query (\w+)/.exec(query)![1]!, query]))(
  '%s runs on the seed graph and answers what its comment says',
  async (name, query) => {
    const response = await app.fetch('http://papergraph/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const { data, errors } = (await response.json()) as { data?: Data; errors?: unknown[] };
    expect(errors).toBeUndefined();
    expect(PROMISES[name], `no promise written for ${name}`).toBeDefined();
    PROMISES[name]!(data!);
  },
);
