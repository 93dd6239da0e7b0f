import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { createExtractPool, type ExtractPool } from '../../src/extract/extract-pool.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { toEvidence } from '../../src/store/records.ts';
import { SEED_FILE } from '../support/seed-results.ts';
import { openTestDatabase } from '../support/test-database.ts';

const TOKEN = 'test-token-0123456789abcdef';
let connection: Neo4jConnection;
let pool: ExtractPool;
let app: App;

interface GraphQLResponse {
  data?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  on: App = app,
) {
  const response = await on.fetch('http://papergraph/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

beforeAll(async () => {
  connection = await openTestDatabase();
  pool = createExtractPool({ workers: 2 });
  await ingestPapers(connection, readSources([SEED_FILE]), { pool });
  app = createApp({ connection, token: TOKEN, pool });
});
afterAll(async () => {
  await pool.close();
  await connection.close();
});

describe('whoUses', () => {
  test('Adam: the seed papers that use or compare against it, each with its evidence sentence', async () => {
    const { data, errors } = await gql(/* GraphQL */ `
      {
        whoUses(technique: "adam", first: 50) {
          technique {
            id
            name
          }
          totalCount
          edges {
            relation
            roles
            confidence
            node {
              title
            }
            evidence {
              sentence
              text
              start
              end
              field
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const answer = data!.whoUses;
    expect(answer.technique).toEqual({ id: 'concept:adam', name: 'Adam' });
    expect(answer.totalCount).toBe(answer.edges.length);
    const titles = answer.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(titles.some((t: string) => t.startsWith('Sophia'))).toBe(true);
    for (const edge of answer.edges) {
      expect(edge.relation).toBe('DIRECT');
      expect(edge.roles.length).toBeGreaterThan(0);
      expect(edge.evidence.length).toBeGreaterThan(0);
      for (const evidence of edge.evidence) expect(evidence.sentence).toContain(evidence.text);
    }
  });

  test("the seed's whole answer to who uses Adam, paper by paper, with role and evidence", async () => {
    const { data, errors } = await gql(/* GraphQL */ `
      {
        whoUses(technique: "Adam", first: 50) {
          totalCount
          edges {
            relation
            roles
            variant {
              name
            }
            node {
              title
            }
            evidence {
              text
              rule
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(
      data!.whoUses.edges.map(
        (e: {
          relation: string;
          roles: string[];
          variant: { name: string } | null;
          node: { title: string };
          evidence: { text: string; rule: string }[];
        }) =>
          `${e.relation} ${e.roles.join(',')}${e.variant ? ` (${e.variant.name})` : ''}: ${
            e.node.title
          } [${e.evidence.map((v) => `${v.text} by ${v.rule}`).join('; ')}]`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "DIRECT COMPARES: ADAHESSIAN: An Adaptive Second Order Optimizer for Machine Learning [Adam by lexicon; Adam by lexicon; Adam by lexicon]",
        "DIRECT COMPARES: Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training [Adam by lexicon; Adam by lexicon]",
        "DIRECT USES: Learning Rates as a Function of Batch Size: A Random Matrix Theory Approach to Neural Network Training [Adam by lexicon]",
        "DIRECT USES: Sequential Training of Neural Networks with Gradient Boosting [Adam by lexicon]",
      ]
    `);
  });

  test('STE finds the Straight Through Estimator by its alias', async () => {
    const { data, errors } = await gql(
      '{ whoUses(technique: "STE") { technique { name aliases } totalCount } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.whoUses.technique.name).toMatch(/straight[- ]through estimator/i);
    expect(data!.whoUses.totalCount).toBeGreaterThan(0);
  });

  test('an unknown technique answers with no concept and no papers', async () => {
    const { data } = await gql(
      '{ whoUses(technique: "NoSuchThingXYZ") { technique { id } totalCount edges { cursor } } }',
    );
    expect(data!.whoUses).toEqual({ technique: null, totalCount: 0, edges: [] });
  });

  test('pages with cursors without repeating or losing papers', async () => {
    const all = await gql('{ whoUses(technique: "Adam", first: 100) { edges { node { id } } } }');
    const ids: string[] = all.data!.whoUses.edges.map((e: { node: { id: string } }) => e.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResponse = await gql(
        'query($after: String) { whoUses(technique: "Adam", first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      paged.push(...page.data!.whoUses.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.data!.whoUses.pageInfo.hasNextPage
        ? page.data!.whoUses.pageInfo.endCursor
        : null;
    } while (after);
    expect(paged).toEqual(ids);
  });
});

describe('papers, concepts, claims and slices', () => {
  test('a paper exposes its concepts with roles and evidence offsets into its text', async () => {
    const { data, errors } = await gql(/* GraphQL */ `
      {
        papers(filter: { concept: "Sophia", role: PROPOSES }) {
          totalCount
          edges {
            node {
              title
              abstract
              concepts {
                type
                role
                concept {
                  name
                }
                evidence {
                  field
                  start
                  end
                  text
                }
              }
            }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(data!.papers.totalCount).toBe(1);
    const paper = data!.papers.edges[0].node;
    for (const link of paper.concepts) {
      for (const e of link.evidence) {
        const text = e.field === 'TITLE' ? paper.title : paper.abstract;
        expect(text.slice(e.start, e.end)).toBe(e.text);
      }
    }
    expect(paper.concepts.find((l: { type: string }) => l.type === 'PROPOSES').concept.name).toBe(
      'Sophia',
    );
  });

  test('claims are typed quantities with their paper', async () => {
    const { data } = await gql(
      '{ claims(kind: MEMORY, first: 50) { totalCount edges { node { value low high unit paper { title } } } } }',
    );
    const claims = data!.claims.edges.map((e: { node: unknown }) => e.node);
    expect(claims).toContainEqual(
      expect.objectContaining({
        low: 2.7,
        high: 2.7,
        unit: 'x',
        paper: expect.objectContaining({ title: expect.stringMatching(/^Winner-Take-All/) }),
      }),
    );
  });

  test('the neighbourhood of Adam at depth 2 is a drawable slice within its limit', async () => {
    const { data, errors } = await gql(
      '{ neighborhood(id: "concept:adam", depth: 2, limit: 40) { truncated nodes { id kind } edges { source target type } } }',
    );
    expect(errors).toBeUndefined();
    const slice = data!.neighborhood;
    expect(slice.nodes.length).toBeLessThanOrEqual(40);
    expect(slice.truncated).toBe(true);
    const ids = new Set(slice.nodes.map((n: { id: string }) => n.id));
    for (const edge of slice.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  });

  test('a concept ring is its best-evidenced links: the same as sorting all of them', async () => {
    const { records } = await connection.driver.executeQuery(
      `MATCH (:Concept {id: 'concept:adam'})-[r]-(m)
       RETURN m.id AS id, r.confidence AS confidence ORDER BY confidence DESC`,
      {},
      { database: connection.database },
    );
    const all = records.map((r) => ({
      id: r.get('id') as string,
      confidence: r.get('confidence'),
    }));
    expect(all.length).toBeGreaterThan(4);
    const ring = async (limit: number) =>
      (
        await gql(
          `{ neighborhood(id: "concept:adam", depth: 1, limit: ${limit}) { truncated
             nodes { id } edges { source target type confidence evidence { sentence } } } }`,
        )
      ).data!.neighborhood;
    const whole = await ring(1000);
    expect(whole.truncated).toBe(false);
    expect(new Set(whole.nodes.map((n: { id: string }) => n.id))).toEqual(
      new Set(['concept:adam', ...all.map((a) => a.id)]),
    );
    // The slice also closes over its nodes (a paper and the claim it makes against Adam).
    const touching = whole.edges.filter(
      (e: { source: string; target: string }) =>
        e.source === 'concept:adam' || e.target === 'concept:adam',
    );
    expect(touching).toHaveLength(all.length);
    // Every link a paper or claim makes carries its evidence; a family link (AdamW -> Adam) is
    // the lexicon's, not a sentence's.
    for (const edge of touching.filter((e: { type: string }) => e.type !== 'VARIANT_OF'))
      expect(edge.evidence.length).toBeGreaterThan(0);
    const cut = await ring(4);
    expect(cut.truncated).toBe(true);
    const cutTouching = cut.edges.filter(
      (e: { source: string; target: string }) =>
        e.source === 'concept:adam' || e.target === 'concept:adam',
    );
    expect(cutTouching.map((e: { confidence: number }) => e.confidence)).toEqual(
      all.slice(0, 3).map((a) => a.confidence),
    );
  });

  test('search finds concepts by alias and papers by words', async () => {
    const { data } = await gql('{ search(text: "Sophia") { id kind label } }');
    expect(data!.search.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['PAPER', 'METHOD']),
    );
  });

  test('stats count the seed', async () => {
    const { data } = await gql(
      '{ stats { papers concepts topConcepts(first: 3) { papers concept { name } } } }',
    );
    expect(data!.stats.papers).toBe(41);
    expect(data!.stats.topConcepts).toHaveLength(3);
  });
});

describe('collections and dates', () => {
  test('collections lists where the papers came from, and papers and whoUses keep to one', async () => {
    const { data, errors } = await gql(/* GraphQL */ `
      {
        collections {
          name
          paperCount
        }
        inSeed: papers(filter: { collection: "daily-papers-mar-14.txt" }, first: 1) {
          totalCount
          edges {
            node {
              collections
            }
          }
        }
        elsewhere: papers(filter: { collection: "no-such-collection" }) {
          totalCount
        }
        adam: whoUses(technique: "Adam", first: 50) {
          totalCount
        }
        adamInSeed: whoUses(technique: "Adam", collection: "daily-papers-mar-14.txt", first: 50) {
          totalCount
        }
        adamElsewhere: whoUses(technique: "Adam", collection: "no-such-collection") {
          totalCount
          technique {
            name
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(data!.collections).toEqual([{ name: 'daily-papers-mar-14.txt', paperCount: 41 }]);
    expect(data!.inSeed.totalCount).toBe(41);
    expect(data!.inSeed.edges[0].node.collections).toEqual(['daily-papers-mar-14.txt']);
    expect(data!.elsewhere.totalCount).toBe(0);
    expect(data!.adam.totalCount).toBeGreaterThan(1);
    expect(data!.adamInSeed.totalCount).toBe(data!.adam.totalCount);
    expect(data!.adamElsewhere).toEqual({ totalCount: 0, technique: { name: 'Adam' } });
  });
});

describe('links and their evidence', () => {
  const EVIDENCE = 'sentence field start end text rule confidence';
  const SLICE = /* GraphQL */ `
    query ($evidence: Boolean!) {
      neighborhood(id: "concept:adam", depth: 2, limit: 60) {
        edges {
          id
          source
          target
          type
          evidence @include(if: $evidence) { ${EVIDENCE} }
        }
      }
    }
  `;

  /** Every link's evidence by its slice id, read by brute force as slices read it before. */
  async function evidenceOfAllLinks() {
    const { records } = await connection.driver.executeQuery(
      `MATCH (a)-[r]->(b) RETURN a.id + '|' + type(r) + '|' + b.id + coalesce('|' + r.via, '') AS id,
       properties(r) AS props`,
      {},
      { database: connection.database },
    );
    return new Map(
      records.map((record) => {
        const props = record.get('props');
        const evidence =
          typeof props.sentence === 'string' || typeof props.mentions === 'string'
            ? toEvidence(props).map((e) => ({ ...e, field: e.field.toUpperCase() }))
            : [];
        return [record.get('id') as string, evidence];
      }),
    );
  }

  /** An app whose every Cypher query is recorded. */
  function recordingApp() {
    const queries: string[] = [];
    const driver = Object.create(connection.driver) as Driver;
    driver.session = (config) => {
      const session = connection.driver.session(config);
      const run = session.run.bind(session);
      session.run = ((query: string, ...rest: []) => {
        queries.push(query);
        return run(query, ...rest);
      }) as typeof session.run;
      return session;
    };
    return { queries, app: createApp({ connection: { ...connection, driver } }) };
  }

  test('a slice asked with evidence has every link evidence as Cypher reads it', async () => {
    const { data, errors } = await gql(SLICE, { evidence: true });
    expect(errors).toBeUndefined();
    const edges: { id: string; evidence: unknown[] }[] = data!.neighborhood.edges;
    expect(edges.length).toBeGreaterThan(20);
    expect(edges.filter((e) => e.evidence.length > 0).length).toBeGreaterThan(10);
    const expected = await evidenceOfAllLinks();
    for (const edge of edges)
      expect([edge.id, edge.evidence]).toEqual([edge.id, expected.get(edge.id)]);
  });

  test('a slice without evidence reads none; with it, one batched query more', async () => {
    const recorded = recordingApp();
    const ask = async (evidence: boolean) => {
      recorded.queries.length = 0;
      const { errors } = await gql(SLICE, { evidence }, {}, recorded.app);
      expect(errors).toBeUndefined();
      return recorded.queries.filter((q) => /mentions|sentence/.test(q)).length;
    };
    expect(await ask(false)).toBe(0);
    const without = recorded.queries.length;
    expect(await ask(true)).toBe(1);
    expect(recorded.queries.length).toBe(without + 1);
  });

  test('links(ids) answers known links with their evidence, in order, and leaves unknown ids out', async () => {
    const slice = (await gql(SLICE, { evidence: false })).data!.neighborhood;
    const ids: string[] = slice.edges.slice(0, 5).map((e: { id: string }) => e.id);
    const { data, errors } = await gql(
      /* GraphQL */ `
        query ($ids: [ID!]!) {
          links(ids: $ids) {
            id
            source
            target
            type
            evidence { ${EVIDENCE} }
          }
        }
      `,
      { ids: ['nope|USES|concept:adam', ids[0], 'not a link id', ...ids.slice(1)] },
    );
    expect(errors).toBeUndefined();
    const expected = await evidenceOfAllLinks();
    expect(data!.links).toEqual(
      slice.edges.slice(0, 5).map((e: { id: string }) => ({ ...e, evidence: expected.get(e.id) })),
    );
  });

  test('more than 500 link ids are refused with a clear error', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => `p${i}|USES|concept:adam`);
    const { data, errors } = await gql('query ($ids: [ID!]!) { links(ids: $ids) { id } }', { ids });
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'at most 500 link ids per call, got 501',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('limits and errors', () => {
  const nested = (levels: number) => {
    let selection = 'id';
    for (let i = 0; i < levels; i += 1) selection = `buildsOn { paper { ${selection} } }`;
    return `{ paper(id: "x") { ${selection} } }`;
  };

  test.each([
    ['depth 20', nested(10), /Query Cost limit of 20000 exceeded/],
    ['depth 12', nested(6), /Query depth limit of 10 exceeded/],
  ])('a query of %s is refused before it runs, saying which limit', async (_, query, message) => {
    const { data, errors } = await gql(query);
    expect(data).toBeUndefined();
    expect(errors?.[0].message).toMatch(message);
  });

  test('too many aliases are refused', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: stats { papers }`).join(' ');
    const { errors } = await gql(`{ ${aliases} }`);
    expect(errors?.[0].message).toMatch(/alias/i);
  });

  test('first above the page limit is a BAD_USER_INPUT error', async () => {
    const { errors } = await gql('{ papers(first: 5000) { totalCount } }');
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test.each([
    ['no token', {}, 'UNAUTHENTICATED'],
    ['a wrong token', { authorization: 'Bearer wrong-token-0123456789ab' }, 'UNAUTHENTICATED'],
  ])('a mutation with %s is refused and writes nothing', async (_, headers, code) => {
    const { errors } = await gql(
      'mutation { ingestPapers(papers: [{ id: "evil", title: "x", abstract: "We use Adam." }]) { written } }',
      {},
      headers,
    );
    expect(errors?.[0].extensions?.code).toBe(code);
    expect((await gql('{ paper(id: "evil") { id } }')).data!.paper).toBeNull();
  });

  test('an oversized mutation is refused with a clear error', async () => {
    const papers = Array.from({ length: 501 }, (_, i) => ({
      id: `p${i}`,
      title: '',
      abstract: 'We use Adam.',
    }));
    const { errors } = await gql(
      'mutation($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { written } }',
      { papers },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(errors?.[0]).toMatchObject({
      message: 'at most 500 papers per call, got 501',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  test('with the token, ingestPapers writes through the pipeline and deletePaper removes it', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const ingest = await gql(
      'mutation { ingestPapers(papers: [{ id: "api-1", title: "", abstract: "We fine-tune BERT with AdamW on GLUE." }]) { written ids } }',
      {},
      auth,
    );
    expect(ingest.data!.ingestPapers).toEqual({ written: 1, ids: ['api-1'] });
    const paper = await gql('{ paper(id: "api-1") { collections concepts { concept { id } } } }');
    expect(paper.data!.paper.collections).toEqual(['api']);
    expect(
      paper.data!.paper.concepts.map((c: { concept: { id: string } }) => c.concept.id),
    ).toContain('concept:glue');
    expect((await gql('mutation { deletePaper(id: "api-1") }', {}, auth)).data!.deletePaper).toBe(
      true,
    );
    expect((await gql('{ paper(id: "api-1") { id } }')).data!.paper).toBeNull();
  });
});
