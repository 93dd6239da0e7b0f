import { describe, expect } from 'vitest';
import type { RawPaper } from '../../src/domain.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { migrateConceptIds, resolveGraph } from '../../src/pipeline/resolve-graph.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { whoUses } from '../../src/store/who-uses.ts';
import { dbTest } from '../support/db-test.ts';
import { asResults } from '../support/seed-results.ts';
import { clearGraph, dumpGraph as dumpGraphOf } from '../support/test-database.ts';

type Fixture = Omit<RawPaper, 'source'>;

const test = dbTest
  /** Ingests papers through the pipeline, resolution included. */
  .extend(
    'ingest',
    { scope: 'file' },
    async ({ connection, pool }) =>
      (papers: Fixture[]) =>
        ingestPapers(connection, asResults(papers), { pool }),
  )
  /** The graph as sorted lines (see dumpGraph). */
  .extend(
    'dumpGraph',
    { scope: 'file' },
    async ({ connection }) =>
      () =>
        dumpGraphOf(connection),
  );

// Two halves of one corpus. FooNet is no lexicon name: two papers call it a model (one in each
// half) and one a method, so its kind is a vote that half A alone ties (method wins the tie by
// name) and the whole corpus decides (model). GlimmerProp is proposed in A and used in B, so the
// lineage between them crosses the halves in both orders.
const HALF_A: Fixture[] = [
  {
    id: 'glimmer',
    title: 'GlimmerProp: a new optimizer',
    abstract: 'We propose GlimmerProp, a new optimizer for training deep networks.',
  },
  {
    id: 'foo-depth',
    title: 'Depth from one image',
    abstract: 'We use the FooNet architecture for depth estimation.',
  },
  {
    id: 'foo-method',
    title: 'Training recipes',
    abstract: 'We train with the FooNet method and the Adam optimizer.',
  },
];
const HALF_B: Fixture[] = [
  {
    id: 'glimmer-user',
    title: 'Faster image classifiers',
    abstract: 'We train ResNet-50 with GlimmerProp on ImageNet. It is 2x faster than Adam.',
  },
  {
    id: 'foo-pretrain',
    title: 'Pre-training at scale',
    abstract: 'We pre-train the FooNet network on ImageNet.',
  },
  {
    id: 'dropout-bg',
    title: 'Pruning vision models',
    abstract: 'Prior work relied on Dropout for regularization. We study pruning of vision models.',
  },
];

describe('resolving a corpus', () => {
  test.beforeEach(({ connection }) => clearGraph(connection));

  const runs: [string, Fixture[][]][] = [
    ['A then B', [HALF_A, HALF_B]],
    ['B then A', [HALF_B, HALF_A]],
    ['all at once', [[...HALF_A, ...HALF_B]]],
    ['one paper at a time, in reverse', [...HALF_B, ...HALF_A].reverse().map((p) => [p])],
  ];

  test('gives the same graph whatever order the papers arrive in', async ({
    connection,
    ingest,
    dumpGraph,
  }) => {
    const dumps: Record<string, Awaited<ReturnType<typeof dumpGraphOf>>> = {};
    for (const [name, batches] of runs) {
      await clearGraph(connection);
      for (const batch of batches) await ingest(batch);
      dumps[name] = await dumpGraph();
    }
    const first = dumps[runs[0][0]];
    for (const [name, dump] of Object.entries(dumps)) {
      expect({ name, dump }).toEqual({ name, dump: first });
    }
    // What they agree on is what the corpus says, not an empty graph.
    expect(first.concepts).toContain('concept:foonet model :Concept:Model');
    expect(first.concepts).toContain('concept:adam method :Concept:Method');
    expect(first.variants).toEqual(['concept:resnet-50 -> concept:resnet']);
    expect(first.buildsOn).toEqual(['glimmer-user -> glimmer via concept:glimmerprop']);
    expect(first.links).toEqual(
      expect.arrayContaining([
        'glimmer|PROPOSES|concept:glimmerprop|proposes',
        'glimmer-user|USES|concept:glimmerprop|uses',
        'glimmer-user|COMPARES|concept:adam|compares',
        'glimmer-user|EVALUATES_ON|concept:imagenet|uses',
        'dropout-bg|BACKGROUND|concept:dropout|background',
      ]),
    );
    expect(first.against).toEqual(['glimmer-user 2x against concept:adam']);
  });

  test('a half alone leaves a tied kind to the name order, and the other half settles it', async ({
    ingest,
    query,
  }) => {
    await ingest(HALF_A);
    expect(await query('MATCH (c:Concept {id: "concept:foonet"}) RETURN c.kind AS kind')).toEqual([
      { kind: 'method' },
    ]);
    await ingest(HALF_B);
    expect(
      await query('MATCH (c:Concept {id: "concept:foonet"}) RETURN c.kind AS kind, labels(c) AS l'),
    ).toEqual([{ kind: 'model', l: ['Concept', 'Model'] }]);
  });

  test('a rewrite that drops votes for a kind counts them again', async ({ ingest, query }) => {
    await ingest([...HALF_A, ...HALF_B]);
    // The two papers that called FooNet a model no longer name it: the method vote is left.
    await ingest([
      { id: 'foo-depth', title: 'Depth from one image', abstract: 'We estimate depth.' },
      { id: 'foo-pretrain', title: 'Pre-training at scale', abstract: 'We pre-train on ImageNet.' },
    ]);
    expect(
      await query('MATCH (c:Concept {id: "concept:foonet"}) RETURN c.kind AS kind, labels(c) AS l'),
    ).toEqual([{ kind: 'method', l: ['Concept', 'Method'] }]);
  });

  test('a rerun of the same input changes nothing, and re-resolving the graph gives it back', async ({
    connection,
    pool,
    ingest,
    dumpGraph,
  }) => {
    await ingest(HALF_B);
    await ingest(HALF_A);
    const before = await dumpGraph();
    const rerun = await ingest([...HALF_A, ...HALF_B]);
    expect(rerun).toMatchObject({ read: 6, unchanged: 6, written: 0 });
    expect(await dumpGraph()).toEqual(before);
    const resolved = await resolveGraph(connection, { pool });
    expect(resolved).toMatchObject({ read: 6, written: 6 });
    expect(await dumpGraph()).toEqual(before);
  });
});

describe('migrating concept ids of the kind:slug form', () => {
  test.beforeAll(async ({ connection, query }) => {
    await clearGraph(connection);
    await query(`
      CREATE (p:Paper {id: 'old-paper', title: 'Classifiers trained with Adam', source: 'jsonl',
                       abstract: 'We train ResNet-50 with Adam and evaluate on ImageNet.',
                       stub: false})
      CREATE (adam:Concept:Method {id: 'method:adam', name: 'Adam', kind: 'method',
                                   aliases: ['Adam'], keys: ['adam']})
      CREATE (net:Concept:Dataset {id: 'dataset:imagenet', name: 'ImageNet', kind: 'dataset',
                                   aliases: ['ImageNet'], keys: ['imagenet']})
      CREATE (r50:Concept:Model {id: 'model:resnet-50', name: 'ResNet-50', kind: 'model',
                                 aliases: ['ResNet-50'], keys: ['resnet 50']})
      CREATE (r:Concept:Model {id: 'model:resnet', name: 'ResNet', kind: 'model',
                               aliases: ['ResNet'], keys: ['resnet']})
      CREATE (p)-[:USES {confidence: 0.9, sentence: 'We train ResNet-50 with Adam.'}]->(adam)
      CREATE (p)-[:EVALUATES_ON {confidence: 0.9}]->(net)
          CREATE (p)-[:USES {confidence: 0.9}]->(r50)-[:VARIANT_OF]->(r)
      CREATE (:Concept:Method {id: 'method:lonely', name: 'Lonely', kind: 'method'})`);
  });

  test('re-resolves the graph once, leaving no old id and the paper linked to concept: ids', async ({
    connection,
    query,
  }) => {
    const log: string[] = [];
    const summary = await migrateConceptIds(connection, (line) => log.push(line));
    expect(summary).toMatchObject({ read: 1, written: 1 });
    expect(log).toHaveLength(1);
    expect(
      await query('MATCH (c:Concept) WHERE NOT c.id STARTS WITH "concept:" RETURN c.id AS id'),
    ).toEqual([]);
    const links = await query(
      `MATCH (:Paper {id: 'old-paper'})-[r]->(c:Concept)
       RETURN type(r) AS type, c.id AS id, r.role AS role ORDER BY id`,
    );
    expect(links).toEqual([
      { type: 'USES', id: 'concept:adam', role: 'uses' },
      { type: 'EVALUATES_ON', id: 'concept:imagenet', role: 'uses' },
      { type: 'USES', id: 'concept:resnet-50', role: 'uses' },
    ]);
    expect(await query('MATCH (v)-[:VARIANT_OF]->(f) RETURN v.id AS v, f.id AS f')).toEqual([
      { v: 'concept:resnet-50', f: 'concept:resnet' },
    ]);
  });

  test('a migrated graph is not migrated again', async ({ connection }) => {
    const log: string[] = [];
    expect(await migrateConceptIds(connection, (line) => log.push(line))).toBeNull();
    expect(log).toEqual([]);
  });
});

describe('lineage', () => {
  test.beforeEach(({ connection }) => clearGraph(connection));

  const proposer = (id: string, name: string): Fixture => ({
    id,
    title: `${name} ${id}`,
    abstract: `We propose ${name}, a normalization layer.`,
  });
  const user = (name: string): Fixture => ({
    id: 'user',
    title: 'Normalized classifiers',
    abstract: `We train a ResNet with ${name} on CIFAR-10.`,
  });

  const LINEAGE =
    'MATCH (b:Paper)-[r:BUILDS_ON]->(a:Paper) RETURN b.id + " -> " + a.id + " via " + r.via AS line ORDER BY line';

  // Together, and one paper at a time with the user first: then each new proposer re-derives the
  // lineage, and the fourth removes what the first three made.
  test.for([
    { case: 'one proposer', proposers: ['z1'], expected: ['user -> z1 via concept:zapnorm'] },
    {
      case: 'three proposers',
      proposers: ['z1', 'z2', 'z3'],
      expected: ['z1', 'z2', 'z3'].map((a) => `user -> ${a} via concept:zapnorm`),
    },
    {
      case: 'four proposers: common ground, no lineage',
      proposers: ['z1', 'z2', 'z3', 'z4'],
      expected: [],
    },
  ])(
    'a paper using a named method builds on its proposers ($case)',
    async ({ proposers, expected }, { connection, ingest, query }) => {
      const papers = [user('ZapNorm'), ...proposers.map((id) => proposer(id, 'ZapNorm'))];
      await ingest(papers);
      const together = (await query(LINEAGE)).map((r) => r.line);
      await clearGraph(connection);
      for (const paper of papers) await ingest([paper]);
      const oneByOne = (await query(LINEAGE)).map((r) => r.line);
      expect({ together, oneByOne }).toEqual({ together: expected, oneByOne: expected });
    },
  );

  test('no lineage runs through a broad class a paper says it proposes', async ({
    ingest,
    query,
  }) => {
    await ingest([
      {
        id: 'transformer-proposer',
        title: 'Transformer: Attention for translation',
        abstract: 'We propose the Transformer, a new architecture for machine translation.',
      },
      {
        id: 'transformer-user',
        title: 'Speech at scale',
        abstract: 'We use Transformers for speech recognition.',
      },
    ]);
    // The links are there; only the lineage through them is not.
    expect(
      await query(
        `MATCH (p:Paper)-[r]->(:Concept {id: 'concept:transformer'})
         RETURN p.id AS paper, type(r) AS type ORDER BY paper`,
      ),
    ).toEqual([
      { paper: 'transformer-proposer', type: 'PROPOSES' },
      { paper: 'transformer-user', type: 'USES' },
    ]);
    expect(await query('MATCH ()-[r:BUILDS_ON]->() RETURN r')).toEqual([]);
  });
});

describe('whoUses', () => {
  test.beforeAll(async ({ connection, ingest }) => {
    await clearGraph(connection);
    await ingest([
      {
        id: 'r50',
        title: 'Classifying images',
        abstract: 'We train ResNet-50 on ImageNet for image classification.',
      },
      { id: 'r101', title: 'Deeper classifiers', abstract: 'We fine-tune ResNet-101 on ImageNet.' },
      {
        id: 'resnet',
        title: 'Detecting objects',
        abstract: 'We use ResNet as the backbone for object detection.',
      },
      {
        id: 'dropout-bg',
        title: 'Pruning vision models',
        abstract:
          'Prior work relied on Dropout for regularization. We study pruning of vision models.',
      },
      {
        id: 'dropout-use',
        title: 'Regularized heads',
        abstract: 'We apply Dropout to the classifier head.',
      },
      {
        id: 'sam-cells',
        title: 'Cell segmentation',
        abstract: 'We fine-tune SAM to segment cells with accurate masks.',
      },
      {
        id: 'sam-tumours',
        title: 'Tumour segmentation',
        abstract: 'We adapt SAM to segment tumours in medical images with accurate masks.',
      },
      {
        id: 'sam-flat',
        title: 'Flat minima',
        abstract: 'We train with SAM to find flat minima and improve generalization.',
      },
    ]);
  });

  const ask = (
    connection: Neo4jConnection,
    name: string,
    roles: Parameters<typeof whoUses>[2] = null,
  ) => whoUses(connection, name, roles, 20, 0);
  const papersOf = (answer: Awaited<ReturnType<typeof whoUses>>) =>
    answer.page.items.map((item) => item.paper.id).sort();

  test('a dataset answers the papers evaluating on it, as uses, with the sentence saying so', async ({
    connection,
  }) => {
    const answer = await ask(connection, 'ImageNet');
    expect(answer.technique).toMatchObject({ id: 'concept:imagenet', kind: 'dataset' });
    expect(papersOf(answer)).toEqual(['r101', 'r50']);
    for (const item of answer.page.items) {
      expect(item).toMatchObject({ relation: 'DIRECT', roles: ['uses'], variantId: null });
      expect(item.evidence.length).toBeGreaterThan(0);
      for (const evidence of item.evidence) {
        expect(evidence.text).toBe('ImageNet');
        expect(evidence.sentence).toContain('ImageNet');
      }
    }
  });

  test('a family answers papers naming it or one of its variants, naming the variant', async ({
    connection,
  }) => {
    const answer = await ask(connection, 'ResNet');
    expect(answer.technique).toMatchObject({ id: 'concept:resnet', familyPaperCount: 3 });
    expect(answer.page.items.map((item) => [item.paper.id, item.variantId]).sort()).toEqual([
      ['r101', 'concept:resnet-101'],
      ['r50', 'concept:resnet-50'],
      ['resnet', null],
    ]);
  });

  test.for([
    {
      case: 'default leaves background mentions out',
      roles: null,
      papers: ['dropout-use'],
      role: 'uses',
    },
    {
      case: 'background asked for answers only background',
      roles: ['background'] as const,
      papers: ['dropout-bg'],
      role: 'background',
    },
  ])('roles: $case', async ({ roles, papers, role }, { connection }) => {
    const answer = await ask(connection, 'Dropout', roles ? [...roles] : null);
    expect(papersOf(answer)).toEqual(papers);
    expect(answer.page.items.map((item) => item.roles)).toEqual([[role]]);
  });

  test('an ambiguous acronym answers its best-supported sense and reports the others', async ({
    connection,
  }) => {
    const answer = await ask(connection, 'SAM');
    expect(answer.technique).toMatchObject({ id: 'concept:segment-anything-model', paperCount: 2 });
    expect(answer.technique!.alternatives.map((c) => c.id)).toEqual([
      'concept:sharpness-aware-minimization',
    ]);
    expect(papersOf(answer)).toEqual(['sam-cells', 'sam-tumours']);
  });
});

describe('claims', () => {
  test.beforeAll(async ({ connection, ingest }) => {
    await clearGraph(connection);
    await ingest(HALF_B);
  });

  test('a claim against a named baseline links to its concept and keeps the name', async ({
    query,
  }) => {
    expect(
      await query(
        `MATCH (:Paper {id: 'glimmer-user'})-[:CLAIMS]->(c:Claim)
         OPTIONAL MATCH (c)-[:AGAINST]->(b:Concept)
         RETURN c.value AS value, c.baseline AS baseline, b.id AS against`,
      ),
    ).toEqual([{ value: '2x', baseline: 'Adam', against: 'concept:adam' }]);
  });
});
