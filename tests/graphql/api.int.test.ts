import type { Driver } from 'neo4j-driver';
import { describe, expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { toEvidence } from '../../src/store/records.ts';
import { graphql } from '../gql/index.ts';
import { dbTest } from '../support/db-test.ts';
import { createGraphQLClient } from '../support/graphql-client.ts';
import { SEED_FILE } from '../support/seed-results.ts';

const TOKEN = 'test-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };

// Every test asks the same seeded graph, through an app holding the token and the file's pool.
const test = dbTest
  .extend('app', { scope: 'file' }, async ({ connection, pool }) => {
    await ingestPapers(connection, readSources([SEED_FILE]), { pool });
    return createApp({ connection, token: TOKEN, pool });
  })
  .extend('gql', { scope: 'file' }, async ({ app }) => createGraphQLClient(app));

describe('whoUses', () => {
  test('Adam: the seed papers that use or compare against it, each with its evidence sentence', async ({
    gql,
  }) => {
    const { data, errors } = await gql(
      graphql(`
        query WhoUsesAdamWithEvidence {
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
      `),
    );
    expect(errors).toBeUndefined();
    const answer = data!.whoUses;
    expect(answer.technique).toEqual({ id: 'concept:adam', name: 'Adam' });
    expect(answer.totalCount).toBe(answer.edges.length);
    expect(answer.edges.map((e) => e.node.title).sort()).toMatchInlineSnapshot(`
      [
        "ADAHESSIAN: An Adaptive Second Order Optimizer for Machine Learning",
        "Learning Rates as a Function of Batch Size: A Random Matrix Theory Approach to Neural Network Training",
        "Sequential Training of Neural Networks with Gradient Boosting",
        "Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training",
      ]
    `);
    for (const edge of answer.edges) {
      expect(edge.relation).toBe('DIRECT');
      expect(edge.roles.length).toBeGreaterThan(0);
      expect(edge.evidence.length).toBeGreaterThan(0);
      for (const evidence of edge.evidence) expect(evidence.sentence).toContain(evidence.text);
    }
  });

  test("the seed's whole answer to who uses Adam, paper by paper, with role and evidence", async ({
    gql,
  }) => {
    const { data, errors } = await gql(
      graphql(`
        query WhoUsesAdamByRole {
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
      `),
    );
    expect(errors).toBeUndefined();
    expect(
      data!.whoUses.edges.map(
        (e) =>
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

  test('STE finds the Straight Through Estimator by its alias', async ({ gql }) => {
    const { data, errors } = await gql(
      graphql(`
        query WhoUsesSte {
          whoUses(technique: "STE") {
            technique {
              name
              aliases
            }
            totalCount
          }
        }
      `),
    );
    expect(errors).toBeUndefined();
    expect(data!.whoUses.technique!.name).toMatch(/straight[- ]through estimator/i);
    expect(data!.whoUses).toMatchInlineSnapshot(`
      {
        "technique": {
          "aliases": [
            "Straight-Through Estimator",
            "Straight Through Estimator",
            "STE",
            "straight through estimator",
          ],
          "name": "Straight-Through Estimator",
        },
        "totalCount": 1,
      }
    `);
  });

  test('an unknown technique answers with no concept and no papers', async ({ gql }) => {
    const { data } = await gql(
      graphql(`
        query WhoUsesUnknown {
          whoUses(technique: "NoSuchThingXYZ") {
            technique {
              id
            }
            totalCount
            edges {
              cursor
            }
          }
        }
      `),
    );
    expect(data!.whoUses).toEqual({ technique: null, totalCount: 0, edges: [] });
  });

  test('pages with cursors without repeating or losing papers', async ({ gql }) => {
    const WhoUsesAdamPage = graphql(`
      query WhoUsesAdamPage($first: Int!, $after: String) {
        whoUses(technique: "Adam", first: $first, after: $after) {
          edges {
            node {
              id
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `);
    const all = await gql(WhoUsesAdamPage, { first: 100 });
    const ids = all.data!.whoUses.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThan(2);
    const pageAfter = async (after: string | null) =>
      (await gql(WhoUsesAdamPage, { first: 2, after })).data!.whoUses;
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page = await pageAfter(after);
      paged.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : null;
    } while (after);
    expect(paged).toEqual(ids);
  });
});

describe('papers, concepts, claims and slices', () => {
  test('a paper exposes its concepts with roles and evidence offsets into its text', async ({
    gql,
  }) => {
    const { data, errors } = await gql(
      graphql(`
        query SophiaWithEvidence {
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
      `),
    );
    expect(errors).toBeUndefined();
    expect(data!.papers.totalCount).toBe(1);
    const paper = data!.papers.edges[0].node;
    for (const link of paper.concepts) {
      for (const e of link.evidence) {
        const text = e.field === 'TITLE' ? paper.title : paper.abstract;
        expect(text!.slice(e.start, e.end)).toBe(e.text);
      }
    }
    expect(paper.concepts.find((l) => l.type === 'PROPOSES')!.concept.name).toBe('Sophia');
  });

  test('claims are typed quantities with their paper', async ({ gql }) => {
    const { data } = await gql(
      graphql(`
        query MemoryClaims {
          claims(kind: MEMORY, first: 50) {
            totalCount
            edges {
              node {
                value
                low
                high
                unit
                paper {
                  title
                }
              }
            }
          }
        }
      `),
    );
    const claims = data!.claims.edges.map((e) => e.node);
    expect(claims).toContainEqual(
      expect.objectContaining({
        low: 2.7,
        high: 2.7,
        unit: 'x',
        paper: expect.objectContaining({ title: expect.stringMatching(/^Winner-Take-All/) }),
      }),
    );
    expect(data!.claims.totalCount).toBe(claims.length);
    expect(claims.map((c) => `${c.value} ${c.low}-${c.high} ${c.unit}: ${c.paper.title}`))
      .toMatchInlineSnapshot(`
      [
        "84% 84-84 %: Make Pre-trained Model Reversible: From Parameter to Memory Efficient Fine-Tuning",
        "2.7times 2.7-2.7 x: Winner-Take-All Column Row Sampling for Memory Efficient Adaptation of Language Model",
      ]
    `);
  });

  test('the neighbourhood of Adam at depth 2 is a drawable slice within its limit', async ({
    gql,
  }) => {
    const { data, errors } = await gql(
      graphql(`
        query AdamDepthTwo {
          neighborhood(id: "concept:adam", depth: 2, limit: 40) {
            truncated
            nodes {
              id
              kind
            }
            edges {
              source
              target
              type
            }
          }
        }
      `),
    );
    expect(errors).toBeUndefined();
    const slice = data!.neighborhood;
    expect(slice.nodes.length).toBeLessThanOrEqual(40);
    expect(slice.truncated).toBe(true);
    const ids = new Set(slice.nodes.map((n) => n.id));
    for (const edge of slice.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  });

  test('a concept ring is its best-evidenced links: the same as sorting all of them', async ({
    connection,
    gql,
  }) => {
    const { records } = await connection.driver.executeQuery(
      `MATCH (:Concept {id: 'concept:adam'})-[r]-(m)
       RETURN m.id AS id, r.confidence AS confidence ORDER BY confidence DESC`,
      {},
      { database: connection.database },
    );
    const all = records.map((r) => ({
      id: r.get('id') as string,
      confidence: r.get('confidence') as number,
    }));
    expect(all.length).toBeGreaterThan(4);
    const AdamRing = graphql(`
      query AdamRing($limit: Int!) {
        neighborhood(id: "concept:adam", depth: 1, limit: $limit) {
          truncated
          nodes {
            id
          }
          edges {
            source
            target
            type
            confidence
            evidence {
              sentence
            }
          }
        }
      }
    `);
    const ring = async (limit: number) => (await gql(AdamRing, { limit })).data!.neighborhood;
    const whole = await ring(1000);
    expect(whole.truncated).toBe(false);
    expect(new Set(whole.nodes.map((n) => n.id))).toEqual(
      new Set(['concept:adam', ...all.map((a) => a.id)]),
    );
    // The slice also closes over its nodes (a paper and the claim it makes against Adam).
    const touching = whole.edges.filter(
      (e) => e.source === 'concept:adam' || e.target === 'concept:adam',
    );
    expect(touching).toHaveLength(all.length);
    // Every link a paper or claim makes carries its evidence; a family link (AdamW -> Adam) is
    // the lexicon's, not a sentence's.
    for (const edge of touching.filter((e) => e.type !== 'VARIANT_OF'))
      expect(edge.evidence!.length).toBeGreaterThan(0);
    const cut = await ring(4);
    expect(cut.truncated).toBe(true);
    const cutTouching = cut.edges.filter(
      (e) => e.source === 'concept:adam' || e.target === 'concept:adam',
    );
    expect(cutTouching.map((e) => e.confidence)).toEqual(all.slice(0, 3).map((a) => a.confidence));
  });

  test('search finds concepts by alias and papers by words', async ({ gql }) => {
    const { data } = await gql(
      graphql(`
        query SearchSophia {
          search(text: "Sophia") {
            id
            kind
            label
          }
        }
      `),
    );
    expect(data!.search.map((h) => h.kind)).toEqual(expect.arrayContaining(['PAPER', 'METHOD']));
    expect(data!.search).toMatchInlineSnapshot(`
      [
        {
          "id": "concept:sophia",
          "kind": "METHOD",
          "label": "Sophia",
        },
        {
          "id": "daily:sophia-a-scalable-stochastic-second-order-optimizer-for-language-model-pre",
          "kind": "PAPER",
          "label": "Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training",
        },
      ]
    `);
  });

  test('stats count the seed', async ({ gql }) => {
    const { data } = await gql(
      graphql(`
        query SeedStats {
          stats {
            papers
            concepts
            topConcepts(first: 3) {
              papers
              concept {
                name
              }
            }
          }
        }
      `),
    );
    expect(data!.stats.papers).toBe(41);
    expect(data!.stats.topConcepts).toHaveLength(3);
    expect(data!.stats).toMatchInlineSnapshot(`
      {
        "concepts": 184,
        "papers": 41,
        "topConcepts": [
          {
            "concept": {
              "name": "Accuracy",
            },
            "papers": 9,
          },
          {
            "concept": {
              "name": "Stochastic Gradient Descent",
            },
            "papers": 8,
          },
          {
            "concept": {
              "name": "CIFAR-10",
            },
            "papers": 5,
          },
        ],
      }
    `);
  });
});

describe('collections and dates', () => {
  test('collections lists where the papers came from, and papers and whoUses keep to one', async ({
    gql,
  }) => {
    const { data, errors } = await gql(
      graphql(`
        query SeedCollection {
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
      `),
    );
    expect(errors).toBeUndefined();
    expect(data!.collections).toEqual([{ name: 'daily-papers-mar-14.txt', paperCount: 41 }]);
    expect(data!.inSeed.totalCount).toBe(41);
    expect(data!.inSeed.edges[0].node.collections).toEqual(['daily-papers-mar-14.txt']);
    expect(data!.elsewhere.totalCount).toBe(0);
    expect(data!.adam.totalCount).toBe(4);
    expect(data!.adamInSeed.totalCount).toBe(data!.adam.totalCount);
    expect(data!.adamElsewhere).toEqual({ totalCount: 0, technique: { name: 'Adam' } });
  });
});

describe('links and their evidence', () => {
  const AdamSlice = graphql(`
    query AdamSlice($evidence: Boolean!) {
      neighborhood(id: "concept:adam", depth: 2, limit: 60) {
        edges {
          id
          source
          target
          type
          evidence @include(if: $evidence) {
            ...LinkEvidence
          }
        }
      }
    }

    fragment LinkEvidence on Evidence {
      sentence
      field
      start
      end
      text
      rule
      confidence
    }
  `);

  /** Every link's evidence by its slice id, read by brute force as slices read it before. */
  async function evidenceOfAllLinks(connection: Neo4jConnection) {
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
  function recordingApp(connection: Neo4jConnection) {
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

  test('a slice asked with evidence has every link evidence as Cypher reads it', async ({
    connection,
    gql,
  }) => {
    const { data, errors } = await gql(AdamSlice, { evidence: true });
    expect(errors).toBeUndefined();
    const edges = data!.neighborhood.edges;
    expect(edges.length).toBeGreaterThan(20);
    expect(edges.filter((e) => e.evidence!.length > 0).length).toBeGreaterThan(10);
    expect({
      links: edges.length,
      withEvidence: edges.filter((e) => e.evidence!.length > 0).length,
    }).toMatchInlineSnapshot(`
      {
        "links": 63,
        "withEvidence": 62,
      }
    `);
    const expected = await evidenceOfAllLinks(connection);
    for (const edge of edges)
      expect([edge.id, edge.evidence]).toEqual([edge.id, expected.get(edge.id)]);
  });

  test('a slice without evidence reads none; with it, one batched query more', async ({
    connection,
  }) => {
    const recorded = recordingApp(connection);
    const gql = createGraphQLClient(recorded.app);
    const ask = async (evidence: boolean) => {
      recorded.queries.length = 0;
      const { errors } = await gql(AdamSlice, { evidence });
      expect(errors).toBeUndefined();
      return recorded.queries.filter((q) => /mentions|sentence/.test(q)).length;
    };
    expect(await ask(false)).toBe(0);
    const without = recorded.queries.length;
    expect(await ask(true)).toBe(1);
    expect(recorded.queries.length).toBe(without + 1);
  });

  test('links(ids) answers known links with their evidence, in order, and leaves unknown ids out', async ({
    connection,
    gql,
  }) => {
    const slice = (await gql(AdamSlice, { evidence: false })).data!.neighborhood;
    const ids = slice.edges.slice(0, 5).map((e) => e.id);
    const { data, errors } = await gql(
      graphql(`
        query LinksWithEvidence($ids: [ID!]!) {
          links(ids: $ids) {
            id
            source
            target
            type
            evidence {
              ...LinkEvidence
            }
          }
        }
      `),
      { ids: ['nope|USES|concept:adam', ids[0], 'not a link id', ...ids.slice(1)] },
    );
    expect(errors).toBeUndefined();
    const expected = await evidenceOfAllLinks(connection);
    expect(data!.links).toEqual(
      slice.edges.slice(0, 5).map((e) => ({ ...e, evidence: expected.get(e.id) })),
    );
  });

  test('more than 500 link ids are refused with a clear error', async ({ gql }) => {
    const ids = Array.from({ length: 501 }, (_, i) => `p${i}|USES|concept:adam`);
    const { data, errors } = await gql(
      graphql(`
        query LinkIds($ids: [ID!]!) {
          links(ids: $ids) {
            id
          }
        }
      `),
      { ids },
    );
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'at most 500 link ids per call, got 501',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('limits and errors', () => {
  /** A query `levels` lineage hops deep: two levels of selection per hop. */
  const nested = (levels: number) => {
    let selection = 'id';
    for (let i = 0; i < levels; i += 1) selection = `buildsOn { paper { ${selection} } }`;
    return `{ paper(id: "x") { ${selection} } }`;
  };

  const PaperIds = graphql(`
    query PaperId($id: ID!) {
      paper(id: $id) {
        id
      }
    }
  `);

  const IngestPapers = graphql(`
    mutation IngestPapers($papers: [PaperInput!]!) {
      ingestPapers(papers: $papers) {
        written
        ids
      }
    }
  `);

  test.for([
    { depth: 20, query: nested(10), refusal: /Query Cost limit of 20000 exceeded/ },
    { depth: 12, query: nested(6), refusal: /Query depth limit of 10 exceeded/ },
  ])(
    'a query of depth $depth is refused before it runs, saying which limit',
    async ({ query, refusal }, { gql }) => {
      const { data, errors } = await gql(query);
      expect(data).toBeUndefined();
      expect(errors?.[0].message).toMatch(refusal);
    },
  );

  test('too many aliases are refused', async ({ gql }) => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: stats { papers }`).join(' ');
    const { errors } = await gql(`{ ${aliases} }`);
    expect(errors?.[0].message).toMatch(/alias/i);
  });

  test('first above the page limit is a BAD_USER_INPUT error', async ({ gql }) => {
    const { errors } = await gql(
      graphql(`
        query TooLongAPage {
          papers(first: 5000) {
            totalCount
          }
        }
      `),
    );
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test.for([
    { who: 'no token', headers: {} as Record<string, string> },
    { who: 'a wrong token', headers: { authorization: 'Bearer wrong-token-0123456789ab' } },
  ])('a mutation with $who is refused and writes nothing', async ({ headers }, { gql }) => {
    const { errors } = await gql(
      IngestPapers,
      { papers: [{ id: 'evil', title: 'x', abstract: 'We use Adam.' }] },
      headers,
    );
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(PaperIds, { id: 'evil' })).data!.paper).toBeNull();
  });

  test('an oversized mutation is refused with a clear error', async ({ gql }) => {
    const papers = Array.from({ length: 501 }, (_, i) => ({
      id: `p${i}`,
      title: '',
      abstract: 'We use Adam.',
    }));
    const { errors } = await gql(IngestPapers, { papers }, AUTH);
    expect(errors?.[0]).toMatchObject({
      message: 'at most 500 papers per call, got 501',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  test('with the token, ingestPapers writes through the pipeline and deletePaper removes it', async ({
    gql,
  }) => {
    const ingest = await gql(
      IngestPapers,
      { papers: [{ id: 'api-1', title: '', abstract: 'We fine-tune BERT with AdamW on GLUE.' }] },
      AUTH,
    );
    expect(ingest.data!.ingestPapers).toEqual({ written: 1, ids: ['api-1'] });
    const paper = await gql(
      graphql(`
        query PaperConcepts($id: ID!) {
          paper(id: $id) {
            collections
            concepts {
              concept {
                id
              }
            }
          }
        }
      `),
      { id: 'api-1' },
    );
    expect(paper.data!.paper!.collections).toEqual(['api']);
    expect(paper.data!.paper!.concepts.map((c) => c.concept.id)).toContain('concept:glue');
    const DeletePaper = graphql(`
      mutation DeletePaper($id: ID!) {
        deletePaper(id: $id)
      }
    `);
    expect((await gql(DeletePaper, { id: 'api-1' }, AUTH)).data!.deletePaper).toBe(true);
    expect((await gql(PaperIds, { id: 'api-1' })).data!.paper).toBeNull();
  });
});
