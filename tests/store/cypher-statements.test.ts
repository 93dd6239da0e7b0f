// The main statements as Cypher and parameters, without a database: what whoUses asks in both its
// forms, one ring of a neighbourhood, and the rows a seed paper's write sends.
import { describe, expect, test } from 'vitest';
import { extractPaper } from '../../src/extract/extract-paper.ts';
import { readPapers } from '../../src/ingest/read-papers.ts';
import { ringStatement } from '../../src/store/graph-slices.ts';
import { whoUsesStatement } from '../../src/store/who-uses.ts';
import { toWriteRows } from '../../src/store/write-papers.ts';
import { SEED_FILE } from '../support/seed-results.ts';

describe('whoUses', () => {
  test('any role: direct answers from the rank-key index, counts from the degree store, then lineage and citations', () => {
    const { query, params } = whoUsesStatement(['concept:adam'], {
      roles: null,
      first: 20,
      offset: 0,
    });
    expect(params).toMatchInlineSnapshot(`
      {
        "collection": null,
        "first": Integer {
          "high": 0,
          "low": 20,
        },
        "ids": [
          "concept:adam",
        ],
        "offset": Integer {
          "high": 0,
          "low": 0,
        },
        "publishedFrom": null,
        "publishedTo": null,
        "upTo": Integer {
          "high": 0,
          "low": 20,
        },
      }
    `);
    expect(query).toMatchInlineSnapshot(`
      "
      MATCH (named:Concept) WHERE named.id IN $ids
      WITH named, COUNT { (named)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() } AS papers
      ORDER BY papers DESC, named.id
      WITH collect(named) AS named, collect(papers) AS counts
      WHERE size(named) > 0
      WITH named[0] AS technique, counts[0] AS papers, named[1..] AS alternatives
      CALL (technique) {
        OPTIONAL MATCH (v:Concept)-[:VARIANT_OF*1..2]->(technique)
        WITH collect(DISTINCT v) AS variants
        RETURN [technique] + variants AS asked
      }
      CALL (asked) {
        UNWIND asked AS c
        RETURN sum(COUNT { (c)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() }) AS directTotal,
               sum(COUNT { (c)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() }) AS familyPapers
      }
      CALL (asked) {
        UNWIND asked AS c
        CALL (c) {
          MATCH (p:Paper)-[r:PROPOSES]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|'
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
          UNION ALL
          MATCH (p:Paper)-[r:USES]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|'
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
          UNION ALL
          MATCH (p:Paper)-[r:COMPARES]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|'
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
          UNION ALL
          MATCH (p:Paper)-[r:EVALUATES_ON]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|'
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
          UNION ALL
          MATCH (p:Paper)-[r:ADDRESSES]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|'
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
          UNION ALL
          MATCH (p:Paper)-[r:MEASURES]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|'
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
        }
        WITH c, p, r ORDER BY substring(r.rankKey, size(c.id) + 1), c.id SKIP $offset LIMIT $first
        RETURN collect({p: p {.id, .title, .published, .url, .venue, .source, .codeUrls}, type: type(r), variant: c.id, r: r {.rule, .confidence, .mentions, .role}}) AS direct
      }
      CALL (asked, directTotal, direct) {
        UNWIND asked AS c
        MATCH (c)<-[:PROPOSES]-(a:Paper)
        CALL (a) {
          MATCH (p:Paper)-[b:BUILDS_ON]->(a)
          OPTIONAL MATCH (p)-[r:USES|COMPARES]->(:Concept {id: b.via})
          RETURN p, 1 AS rank, collect(r {.rule, .confidence, .mentions}) AS evidence
          UNION
          MATCH (p:Paper)-[:CITES]->(a) WHERE NOT (p)-[:BUILDS_ON]->(a)
          RETURN p, 2 AS rank, [] AS evidence
        }
        WITH p, a, rank, evidence
        WHERE NOT EXISTS { MATCH (p)-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]->(d:Concept) WHERE d IN asked }
        WITH p, min(rank) AS rank, min(a.id) AS through, head(collect(evidence)) AS evidence
        ORDER BY rank, p.title, p.id
        LIMIT 1000
        WITH collect({p: p, rank: rank, through: through, evidence: evidence}) AS rows
        WITH rows, CASE WHEN $offset > directTotal THEN $offset - directTotal ELSE 0 END AS start
        RETURN size(rows) AS indirectTotal,
               [row IN rows[start..start + $first - size(direct)] |
                 row {.rank, .through, .evidence, p: [p IN [row.p] | p {.id, .title, .published, .url, .venue, .source, .codeUrls}][0]}]
                 AS indirect
      }
      RETURN properties(technique) AS technique, papers, familyPapers, directTotal, direct,
             indirectTotal, indirect,
             [a IN alternatives | properties(a)] AS alternatives"
    `);
  });

  test('asked roles in a collection and years: scoped counts and scans, no indirect answers', () => {
    const { query, params } = whoUsesStatement(['concept:imagenet', 'concept:imagenet-1k'], {
      roles: ['uses'],
      first: 10,
      offset: 30,
      scope: { collection: 'arxiv-cs.jsonl', publishedFrom: '2021', publishedTo: '2023-06' },
    });
    expect(params).toMatchInlineSnapshot(`
      {
        "collection": "arxiv-cs.jsonl",
        "first": Integer {
          "high": 0,
          "low": 10,
        },
        "ids": [
          "concept:imagenet",
          "concept:imagenet-1k",
        ],
        "offset": Integer {
          "high": 0,
          "low": 30,
        },
        "publishedFrom": "2021",
        "publishedTo": "2023-06-99",
        "upTo": Integer {
          "high": 0,
          "low": 40,
        },
      }
    `);
    expect(query).toMatchInlineSnapshot(`
      "
      MATCH (named:Concept) WHERE named.id IN $ids
      WITH named, COUNT { (named)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() } AS papers
      ORDER BY papers DESC, named.id
      WITH collect(named) AS named, collect(papers) AS counts
      WHERE size(named) > 0
      WITH named[0] AS technique, counts[0] AS papers, named[1..] AS alternatives
      CALL (technique) {
        OPTIONAL MATCH (v:Concept)-[:VARIANT_OF*1..2]->(technique)
        WITH collect(DISTINCT v) AS variants
        RETURN [technique] + variants AS asked
      }
      CALL (asked) {
        UNWIND asked AS c
        RETURN sum(COUNT { MATCH (c)<-[:USES|EVALUATES_ON|ADDRESSES|MEASURES]-(p:Paper) WHERE ($collection IS NULL OR EXISTS { (p)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
            AND ($publishedFrom IS NULL OR p.published >= $publishedFrom)
            AND ($publishedTo IS NULL OR p.published <= $publishedTo) }) AS directTotal,
               sum(COUNT { (c)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() }) AS familyPapers
      }
      CALL (asked) {
        UNWIND asked AS c
        CALL (c) {
          MATCH (p:Paper)-[r:USES]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|' AND ($collection IS NULL OR EXISTS { (p)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
            AND ($publishedFrom IS NULL OR p.published >= $publishedFrom)
            AND ($publishedTo IS NULL OR p.published <= $publishedTo)
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
          UNION ALL
          MATCH (p:Paper)-[r:EVALUATES_ON]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|' AND ($collection IS NULL OR EXISTS { (p)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
            AND ($publishedFrom IS NULL OR p.published >= $publishedFrom)
            AND ($publishedTo IS NULL OR p.published <= $publishedTo)
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
          UNION ALL
          MATCH (p:Paper)-[r:ADDRESSES]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|' AND ($collection IS NULL OR EXISTS { (p)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
            AND ($publishedFrom IS NULL OR p.published >= $publishedFrom)
            AND ($publishedTo IS NULL OR p.published <= $publishedTo)
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
          UNION ALL
          MATCH (p:Paper)-[r:MEASURES]->(:Concept)
          WHERE r.rankKey STARTS WITH c.id + '|' AND ($collection IS NULL OR EXISTS { (p)-[:IN_COLLECTION]->(:Collection {name: $collection}) })
            AND ($publishedFrom IS NULL OR p.published >= $publishedFrom)
            AND ($publishedTo IS NULL OR p.published <= $publishedTo)
          RETURN p, r ORDER BY r.rankKey LIMIT $upTo
        }
        WITH c, p, r ORDER BY substring(r.rankKey, size(c.id) + 1), c.id SKIP $offset LIMIT $first
        RETURN collect({p: p {.id, .title, .published, .url, .venue, .source, .codeUrls}, type: type(r), variant: c.id, r: r {.rule, .confidence, .mentions, .role}}) AS direct
      }
      CALL () {
        RETURN 0 AS indirectTotal, [] AS indirect
      }
      RETURN properties(technique) AS technique, papers, familyPapers, directTotal, direct,
             indirectTotal, indirect,
             [a IN alternatives | properties(a)] AS alternatives"
    `);
  });
});

test('a neighbourhood ring reads each concept link type in rank-key order, cut at the room left', () => {
  const { query, params } = ringStatement(['concept:adam'], ['concept:adam'], 99, {
    kinds: null,
    types: null,
    minConfidence: 0.5,
  });
  expect(params).toMatchInlineSnapshot(`
    {
      "frontier": [
        "concept:adam",
      ],
      "kinds": null,
      "known": [
        "concept:adam",
      ],
      "limit": Integer {
        "high": 0,
        "low": 100,
      },
      "minConfidence": 0.5,
      "types": null,
    }
  `);
  expect(query).toMatchInlineSnapshot(`
    "
    UNWIND $frontier AS id
    CALL (id) {
      MATCH (n:Concept {id: id})
      CALL (n) {
        MATCH (m:Paper)-[r:PROPOSES]->(:Concept)
        WHERE r.rankKey STARTS WITH n.id + '|' AND ($types IS NULL OR 'PROPOSES' IN $types)
        RETURN r, m ORDER BY r.rankKey LIMIT $limit
        UNION ALL
        MATCH (m:Paper)-[r:USES]->(:Concept)
        WHERE r.rankKey STARTS WITH n.id + '|' AND ($types IS NULL OR 'USES' IN $types)
        RETURN r, m ORDER BY r.rankKey LIMIT $limit
        UNION ALL
        MATCH (m:Paper)-[r:COMPARES]->(:Concept)
        WHERE r.rankKey STARTS WITH n.id + '|' AND ($types IS NULL OR 'COMPARES' IN $types)
        RETURN r, m ORDER BY r.rankKey LIMIT $limit
        UNION ALL
        MATCH (m:Paper)-[r:BACKGROUND]->(:Concept)
        WHERE r.rankKey STARTS WITH n.id + '|' AND ($types IS NULL OR 'BACKGROUND' IN $types)
        RETURN r, m ORDER BY r.rankKey LIMIT $limit
        UNION ALL
        MATCH (m:Paper)-[r:EVALUATES_ON]->(:Concept)
        WHERE r.rankKey STARTS WITH n.id + '|' AND ($types IS NULL OR 'EVALUATES_ON' IN $types)
        RETURN r, m ORDER BY r.rankKey LIMIT $limit
        UNION ALL
        MATCH (m:Paper)-[r:ADDRESSES]->(:Concept)
        WHERE r.rankKey STARTS WITH n.id + '|' AND ($types IS NULL OR 'ADDRESSES' IN $types)
        RETURN r, m ORDER BY r.rankKey LIMIT $limit
        UNION ALL
        MATCH (m:Paper)-[r:MEASURES]->(:Concept)
        WHERE r.rankKey STARTS WITH n.id + '|' AND ($types IS NULL OR 'MEASURES' IN $types)
        RETURN r, m ORDER BY r.rankKey LIMIT $limit
        UNION ALL
        MATCH (n)<-[r:ON|AGAINST]-(m:Claim) WHERE $types IS NULL OR type(r) IN $types
        RETURN r, m LIMIT $limit
        UNION ALL
        MATCH (n)-[r:VARIANT_OF]-(m:Concept) WHERE $types IS NULL OR 'VARIANT_OF' IN $types
        RETURN r, m LIMIT $limit
      }
      RETURN r, m
      UNION ALL
      CALL (id) {
        MATCH (n:Paper {id: id}) RETURN n
        UNION MATCH (n:Claim {id: id}) RETURN n
        UNION MATCH (n:Author {id: id}) RETURN n
      }
      MATCH (n)-[r]-(m)
      WHERE $types IS NULL OR type(r) IN $types
      RETURN r, m
    }
    WITH r, m
    WHERE (r.confidence IS NULL OR r.confidence >= $minConfidence)
      AND (m:Paper OR m:Concept OR m:Claim OR m:Author)
      AND ($kinds IS NULL OR CASE WHEN m:Paper THEN 'PAPER' WHEN m:Claim THEN 'CLAIM' WHEN m:Author THEN 'AUTHOR' ELSE toUpper(m.kind) END IN $kinds)
    WITH m, collect(r) AS links, max(coalesce(r.confidence, 1.0)) AS best,
         min(coalesce(r.rankKey, '')) AS key, m.id IN $known AS known
    ORDER BY best DESC, key, m.id
    WITH collect({m: m, links: links, known: known}) AS rows
    UNWIND [row IN rows WHERE row.known] + [row IN rows WHERE NOT row.known][0..$limit] AS row
    WITH row.m AS m, row.links AS links, row.known AS known
    RETURN [r IN links | [startNode(r).id, type(r), endNode(r).id, r.role, r.confidence, r.via]] AS edges, known,
           CASE WHEN known THEN [m.id] ELSE [
      m.id,
      CASE WHEN m:Paper THEN 'PAPER' WHEN m:Claim THEN 'CLAIM' WHEN m:Author THEN 'AUTHOR' ELSE toUpper(m.kind) END,
      CASE WHEN m:Paper THEN m.title WHEN m:Claim THEN m.value + ' ' + replace(m.kind, '_', ' ') ELSE m.name END,
      COUNT { (m)--() },
      elementId(m)
    ] END AS node"
  `);
});

test("the write rows of the seed's first paper: its concepts, families and links with roles", async () => {
  let paper;
  for await (const result of readPapers(SEED_FILE)) {
    if (result.kind === 'paper') {
      paper = result.paper;
      break;
    }
  }
  const rows = toWriteRows(
    [{ paper: paper!, extraction: extractPaper(paper!), contentHash: 'hash' }],
    '2026-11-30T00:00:00.000Z',
  );
  expect(rows.papers.map((p) => ({ id: p.id, ...p.props, abstract: undefined })))
    .toMatchInlineSnapshot(`
    [
      {
        "abstract": undefined,
        "codeUrls": [],
        "contentHash": "hash",
        "id": "daily:dataset-quantization",
        "ingestedAt": "2026-11-30T00:00:00.000Z",
        "published": null,
        "source": "daily",
        "title": "Dataset Quantization",
        "url": null,
        "venue": null,
        "year": null,
      },
    ]
  `);
  expect(rows.concepts.map((c) => `${c.id} ${c.kind} ${c.label} [${c.aliases.join(', ')}]`))
    .toMatchInlineSnapshot(`
    [
      "concept:dataset-quantization method Method [dataset quantization, DQ, Dataset Quantization]",
      "concept:dataset-distillation method Method [Dataset Distillation, dataset distillation]",
      "concept:gradient-matching method Method [Gradient Matching, gradient matching]",
      "concept:imagenet-1k dataset Dataset [ImageNet-1k]",
      "concept:imagenet dataset Dataset [ImageNet]",
      "concept:alpaca dataset Dataset [Alpaca]",
      "concept:instruction-tuning task Task [Instruction Tuning, instruction tuning]",
      "concept:semantic-segmentation task Task [Semantic Segmentation, semantic segmentation]",
      "concept:object-detection task Task [Object Detection, object detection]",
      "concept:big-bench-hard dataset Dataset [BIG-Bench Hard, BBH]",
      "concept:drop dataset Dataset [DROP]",
    ]
  `);
  expect(rows.families).toMatchInlineSnapshot(`
    [
      {
        "familyId": "concept:dataset-distillation",
        "familyKey": "datasetdistillation",
        "familyKind": "method",
        "familyLabel": "Method",
        "familyName": "Dataset Distillation",
        "id": "concept:gradient-matching",
      },
      {
        "familyId": "concept:imagenet",
        "familyKey": "imagenet",
        "familyKind": "dataset",
        "familyLabel": "Dataset",
        "familyName": "ImageNet",
        "id": "concept:imagenet-1k",
      },
    ]
  `);
  expect(
    rows.links.map((l) => {
      const props = l.props as {
        role: string;
        rule: string;
        field: string;
        start: number;
        text: string;
      };
      return `${l.paperId} ${l.type} ${l.conceptId} ${props.role} ${props.rule} ${props.field}@${props.start} "${props.text}"`;
    }),
  ).toMatchInlineSnapshot(`
    [
      "daily:dataset-quantization PROPOSES concept:dataset-quantization proposes acronym-definition abstract@704 "dataset quantization"",
      "daily:dataset-quantization BACKGROUND concept:dataset-distillation background lexicon abstract@318 "dataset distillation"",
      "daily:dataset-quantization BACKGROUND concept:gradient-matching background lexicon abstract@457 "gradient matching"",
      "daily:dataset-quantization EVALUATES_ON concept:imagenet-1k uses lexicon abstract@1175 "ImageNet-1k"",
      "daily:dataset-quantization EVALUATES_ON concept:imagenet uses lexicon abstract@1258 "ImageNet"",
      "daily:dataset-quantization EVALUATES_ON concept:alpaca uses lexicon abstract@1285 "Alpaca"",
      "daily:dataset-quantization ADDRESSES concept:instruction-tuning uses lexicon abstract@1294 "instruction tuning"",
      "daily:dataset-quantization ADDRESSES concept:semantic-segmentation uses lexicon abstract@1433 "semantic segmentation"",
      "daily:dataset-quantization ADDRESSES concept:object-detection uses lexicon abstract@1460 "object detection"",
      "daily:dataset-quantization EVALUATES_ON concept:big-bench-hard uses lexicon abstract@1548 "BBH"",
      "daily:dataset-quantization EVALUATES_ON concept:drop uses lexicon abstract@1556 "DROP"",
    ]
  `);
  expect(rows.claims).toHaveLength(0);
});
