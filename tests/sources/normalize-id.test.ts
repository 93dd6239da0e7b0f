import { describe, expect, test } from 'vitest';
import { canonicalId, normalizeId, normalizeIds } from '../../src/ingest/normalize-id.ts';

describe('normalizeId', () => {
  test.each([
    // arXiv: versions dropped, old-style ids lower-cased, subject class dropped, URLs read
    ['2305.14342', 'arxiv:2305.14342'],
    ['2305.14342v2', 'arxiv:2305.14342'],
    ['arXiv:2305.14342v12', 'arxiv:2305.14342'],
    ['0704.0001', 'arxiv:0704.0001'],
    ['https://arxiv.org/abs/2305.14342v1', 'arxiv:2305.14342'],
    ['http://arxiv.org/pdf/2305.14342v3.pdf', 'arxiv:2305.14342'],
    ['https://export.arxiv.org/abs/hep-th/9901001v2', 'arxiv:hep-th/9901001'],
    ['hep-th/9901001', 'arxiv:hep-th/9901001'],
    ['arxiv:HEP-TH/9901001v1', 'arxiv:hep-th/9901001'],
    ['math.GT/0309136', 'arxiv:math/0309136'],
    // DOIs: lower-cased, URL prefixes stripped, arXiv's own DOIs become arXiv ids
    ['10.5555/SAM.2021', 'doi:10.5555/sam.2021'],
    ['doi:10.1016/S0550-3213(99)00001-X', 'doi:10.1016/s0550-3213(99)00001-x'],
    ['DOI:10.5555/ABC', 'doi:10.5555/abc'],
    ['https://doi.org/10.5555/ABC', 'doi:10.5555/abc'],
    ['http://dx.doi.org/10.5555/abc', 'doi:10.5555/abc'],
    ['https://doi.org/10.48550/arXiv.2302.06675', 'arxiv:2302.06675'],
    // OpenAlex
    ['W2741809807', 'openalex:W2741809807'],
    ['w2741809807', 'openalex:W2741809807'],
    ['https://openalex.org/W2741809807', 'openalex:W2741809807'],
    ['https://api.openalex.org/works/W2741809807', 'openalex:W2741809807'],
    ['openalex:W2741809807', 'openalex:W2741809807'],
    // Semantic Scholar
    ['649def34f8be52c8b66281af98ae884c09aef38b', 's2:649def34f8be52c8b66281af98ae884c09aef38b'],
    ['S2:649DEF34F8BE52C8B66281AF98AE884C09AEF38B', 's2:649def34f8be52c8b66281af98ae884c09aef38b'],
    [
      'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
      's2:204e3073870fae3d05bcbc2f6a8e263d9b72e776',
    ],
    ['mag:2963403868', 'mag:2963403868'],
    // not ids
    ['', null],
    ['hello world', null],
    ['10.5555', null],
    ['arxiv:not-an-id', null],
    ['https://example.org/paper/1', null],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeId(raw)).toBe(expected);
  });

  test.each([
    ['2305.14342v2', 'arxiv', 'arxiv:2305.14342'],
    ['10.5555/X', 'doi', 'doi:10.5555/x'],
    ['W1', 'openalex', 'openalex:W1'],
    ['2963403868', 'mag', 'mag:2963403868'],
    ['W1', 'arxiv', null],
    ['2305.14342', 'doi', null],
  ] as const)('%s read as %s -> %s', (raw, scheme, expected) => {
    expect(normalizeId(raw, scheme)).toBe(expected);
  });
});

describe('canonicalId', () => {
  test.each([
    [['s2:abc', 'doi:10.1/x', 'openalex:W1', 'arxiv:2305.14342'], 'arxiv:2305.14342'],
    [['s2:abc', 'openalex:W1', 'doi:10.1/x'], 'doi:10.1/x'],
    [['s2:abc', 'openalex:W1'], 'openalex:W1'],
    [['mag:1', 's2:abc'], 's2:abc'],
    [['mag:1'], null],
    [[], null],
  ])('%j names the paper %s', (ids, expected) => {
    expect(canonicalId(ids)).toBe(expected);
  });

  test('normalizeIds drops unknown and duplicate ids and sorts by preference', () => {
    expect(
      normalizeIds([
        'https://openalex.org/W1',
        null,
        'https://doi.org/10.48550/arXiv.2302.06675v2',
        '2302.06675',
        'nonsense',
        'https://doi.org/10.5555/A',
      ]),
    ).toEqual(['arxiv:2302.06675', 'doi:10.5555/a', 'openalex:W1']);
  });
});
