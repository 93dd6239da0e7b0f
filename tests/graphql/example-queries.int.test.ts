// GraphiQL's saved examples run against the seed graph and answer what their comments promise.
import { expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { EXAMPLE_QUERIES } from '../../src/graphql/example-queries.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { dbTest } from '../support/db-test.ts';
import { createGraphQLClient } from '../support/graphql-client.ts';
import { SEED_FILE } from '../support/seed-results.ts';

// The examples are query strings GraphiQL shows as they are, so their answers have no static type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = Record<string, any>;

// The seed graph, asked through the app as GraphiQL asks it.
const test = dbTest.extend('gql', { scope: 'file' }, async ({ connection, pool }) => {
  await ingestPapers(connection, readSources([SEED_FILE]), { pool });
  return createGraphQLClient(createApp({ connection }));
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

test.for(EXAMPLE_QUERIES.map(({ query }) => ({ name: /query (\w+)/.exec(query)![1]!, query })))(
  '$name runs on the seed graph and answers what its comment says',
  async ({ name, query }, { gql }) => {
    const { data, errors } = await gql(query);
    expect(errors).toBeUndefined();
    expect(PROMISES[name], `no promise written for ${name}`).toBeDefined();
    PROMISES[name]!(data as Data);
  },
);
