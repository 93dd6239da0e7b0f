import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { NamedSpan } from '../../src/extract/extract-claims.ts';
import { QUANTITY_RULES, extractClaims } from '../../src/extract/extract-claims.ts';
import { parseText } from '../../src/extract/parse-text.ts';
import { readPapers } from '../../src/ingest/read-papers.ts';

/** A concept span over the first occurrence of `written` in `text`. */
function spanOf(text: string, written: string, id: string, name = written): NamedSpan {
  const start = text.indexOf(written);
  if (start === -1) throw new Error(`"${written}" is not in "${text}"`);
  return { id, name, kind: 'method', start, end: start + written.length };
}

function claimsOf(text: string, spans: NamedSpan[] = []) {
  return extractClaims('abstract', parseText(text), spans);
}

const baselines = (text: string, spans: NamedSpan[] = []) =>
  claimsOf(text, spans).map(({ value, baseline, baselineConceptId }) => ({
    value,
    baseline,
    baselineConceptId,
  }));

describe('each quantity rule finds the claim of its example', () => {
  test.each(QUANTITY_RULES.map(({ name, example }) => ({ name, example })))(
    '$name: $example',
    ({ name, example }) => {
      expect(claimsOf(example).map((c) => c.rule)).toEqual([name]);
    },
  );
});

describe('a claim names the baseline its sentence measures it against', () => {
  test.each([
    [
      'compared with',
      'Sophia achieves a 2x speed-up compared with Adam in the number of steps.',
      'Adam',
    ],
    [
      'compared to',
      'Our kernel reduces memory by 40% compared to the naive implementation.',
      'naive implementation',
    ],
    ['than', 'The fused optimizer uses 3.2x less memory than FP16 training.', 'FP16 training'],
    [
      'than that of',
      'The encoder is 4x faster than that of standard attention.',
      'standard attention',
    ],
    [
      'over',
      'Our method improves throughput by 35% over the strongest baseline.',
      'strongest baseline',
    ],
    [
      'relative to',
      'LoRA reduces trainable parameters by 10,000 times relative to full fine-tuning.',
      'full fine-tuning',
    ],
    [
      'versus',
      'We observe a 2x speedup versus PyTorch eager mode on every model.',
      'PyTorch eager mode',
    ],
    ['vs.', 'It reduces latency by 30% vs. vLLM on long prompts.', 'vLLM'],
    ['against', 'The compiler delivers a 1.8x speedup against TVM.', 'TVM'],
    ['a fronted cue', 'Compared with Adam, Sophia needs 2x fewer steps.', 'Adam'],
    [
      'a fronted cue',
      'Compared to the state of the art, we need 4x fewer GPU hours.',
      'state of the art',
    ],
    ['a head "baseline"', 'It yields a 1.5x speedup on the dense baseline.', 'dense baseline'],
    [
      'a cue after a comparison of values',
      'It is 9x faster (0.7s vs 6.8s) compared to nanoLLaVA.',
      'nanoLLaVA',
    ],
  ])('by %s: %s', (_cue, sentence, baseline) => {
    expect(claimsOf(sentence).map((c) => c.baseline)).toEqual([baseline]);
  });

  test('two claims before one cue share its baseline; each cue binds its own claim', () => {
    expect(
      baselines('It gives a 2x speedup and 40% less memory compared to FlashAttention.').map(
        (c) => c.baseline,
      ),
    ).toEqual(['FlashAttention', 'FlashAttention']);
    expect(
      baselines('It is 26x faster than BALD and 11x faster than CoreSet.').map((c) => c.baseline),
    ).toEqual(['BALD', 'CoreSet']);
  });
});

describe('a baseline a concept span covers is that concept', () => {
  test.each([
    {
      sentence: 'Sophia achieves a 2x speed-up compared with Adam in the number of steps.',
      span: ['Adam', 'adam'],
      expected: { baseline: 'Adam', baselineConceptId: 'adam' },
    },
    {
      // the concept's name, not the words as written
      sentence: 'Our kernel is 1.7x faster than FA2 on H100.',
      span: ['FA2', 'flashattention-2', 'FlashAttention-2'],
      expected: { baseline: 'FlashAttention-2', baselineConceptId: 'flashattention-2' },
    },
    {
      // a generic head after the name adds nothing
      sentence: 'It trains 2x faster than the Adam optimizer.',
      span: ['Adam', 'adam'],
      expected: { baseline: 'Adam', baselineConceptId: 'adam' },
    },
    {
      // a plain modifier keeps the words, and the concept
      sentence: 'The adapter cuts trainable parameters by 90% relative to full fine-tuning.',
      span: ['fine-tuning', 'fine-tuning'],
      expected: { baseline: 'full fine-tuning', baselineConceptId: 'fine-tuning' },
    },
    {
      // a name before the span makes the phrase another thing
      sentence: 'Queries are computed 20x faster than Bayesian active learning.',
      span: ['active learning', 'active-learning'],
      expected: { baseline: 'Bayesian active learning', baselineConceptId: null },
    },
    {
      // a span elsewhere in the sentence is not the baseline
      sentence: 'With Adam as optimizer, our kernel is 3x faster than the naive implementation.',
      span: ['Adam', 'adam'],
      expected: { baseline: 'naive implementation', baselineConceptId: null },
    },
  ])('$sentence', ({ sentence, span: [written, id, name], expected }) => {
    const [claim] = claimsOf(sentence, [spanOf(sentence, written, id, name)]);
    expect({ baseline: claim.baseline, baselineConceptId: claim.baselineConceptId }).toEqual(
      expected,
    );
  });

  test('extractPaper passes concept ids to the claims: Sophia is 2x faster than Adam', async () => {
    // Imported here so the rule tests above need no lexicon.
    const { extractPaper } = await import('../../src/extract/extract-paper.ts');
    const seed = new URL('../../seed/daily-papers-mar-14.txt', import.meta.url).pathname;
    for await (const result of readPapers(seed)) {
      if (result.kind !== 'paper' || !result.paper.title.startsWith('Sophia:')) continue;
      const speedup = extractPaper(result.paper).claims.find((c) => c.value === '2x');
      expect(speedup).toMatchObject({ baseline: 'Adam', baselineConceptId: 'concept:adam' });
      return;
    }
    throw new Error('no Sophia paper in the seed');
  });
});

describe('"from A to B" is one claim', () => {
  test.each([
    ['It reduces latency from 210 ms to 90 ms.', 'from 210 ms to 90 ms', 90, 210, 'ms'],
    ['Inference latency falls from 210 to 90 ms.', 'from 210 to 90 ms', 90, 210, 'ms'],
    ['Training time drops from 3 days to 9 hours.', 'from 3 days to 9 hours', 9, 72, 'hours'],
    ['It cuts peak memory from 1.2 GB to 300 MB.', 'from 1.2 GB to 300 MB', 300, 1200, 'MB'],
    [
      'Latency goes from about 40 ms to only 12 ms.',
      'from about 40 ms to only 12 ms',
      12,
      40,
      'ms',
    ],
  ])('%s', (sentence, value, low, high, unit) => {
    expect(
      claimsOf(sentence).map((c) => ({ value: c.value, low: c.low, high: c.high, unit: c.unit })),
    ).toEqual([{ value, low, high, unit }]);
  });

  test('the whole claim, with the baseline after it', () => {
    expect(claimsOf('It reduces latency from 210 ms to 90 ms compared with vLLM.'))
      .toMatchInlineSnapshot(`
        [
          {
            "baseline": "vLLM",
            "baselineConceptId": null,
            "confidence": 0.6,
            "hardware": null,
            "high": 210,
            "kind": "latency",
            "low": 90,
            "mentions": [
              {
                "end": 39,
                "field": "abstract",
                "sentence": "It reduces latency from 210 ms to 90 ms compared with vLLM.",
                "start": 11,
                "text": "latency from 210 ms to 90 ms",
              },
            ],
            "rule": "claim-time",
            "text": "latency from 210 ms to 90 ms",
            "unit": "ms",
            "value": "from 210 ms to 90 ms",
          },
        ]
      `);
  });
});

describe('a claim whose sentence names no baseline has none', () => {
  test.each([
    'We train 3x faster over 5 runs.',
    'It is 2x faster than before.',
    'It reaches a 2x speedup over time.',
    'It needs more than 40% less memory.',
    'Our method achieves a 3x speedup, while Adam needs more steps than Lion.',
    'It gives a 2x speedup and outperforms LoRA on GLUE.',
    'It gives a 2x speedup. It is compared with LoRA.',
    'Over the past decade, training has become 10x faster.',
  ])('%s', (sentence) => {
    const claims = claimsOf(sentence);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.map((c) => [c.baseline, c.baselineConceptId])).toEqual(
      claims.map(() => [null, null]),
    );
  });
});

describe('odd text', () => {
  test.each([
    '',
    'than',
    'It is 2x faster than',
    'It is 2x faster vs.',
    'It is 2x faster compared with',
    'Compared with, 2x faster.',
    'from 210 ms to',
    'from from from 3 ms to to 4 ms to 5 ms',
    'It is 2x faster than the the the.',
    '2x 3x 4x than than over vs. vs. against baseline baseline',
    'It is 2x faster than 𝔸𝔻𝔸𝕄 — über-fast Ädam.',
    `It is 2x faster than ${'very '.repeat(5_000)}fast baselines.`,
  ])('%j gives claims without throwing', (text) => {
    const claims = claimsOf(text, [{ id: 'y', name: 'Y', kind: 'x', start: 0, end: 3 }]);
    for (const c of claims) {
      expect(c.baseline === null || c.baseline.length > 0).toBe(true);
      expect(c.low).toBeLessThanOrEqual(c.high);
    }
  });

  test('any mix of numbers, units and cue words', () => {
    const piece = fc.constantFrom(
      '2x',
      '3.5 times',
      '40%',
      '210 ms',
      '1.2 GB',
      'from',
      'to',
      'than',
      'over',
      'vs.',
      'compared with',
      'relative to',
      'against',
      'baseline',
      'the',
      'Adam',
      ',',
      ';',
      '.',
      'faster',
      'memory',
      'latency',
      '(',
      ')',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join(' ');
        const spans = [{ id: 'adam', name: 'Adam', kind: 'method', start: 0, end: 4 }];
        for (const c of claimsOf(text, spans)) {
          expect(Number.isFinite(c.low) && Number.isFinite(c.high)).toBe(true);
          if (c.baselineConceptId != null) expect(c.baseline).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});
