import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Extraction, RawPaper } from '../../src/domain.ts';
import { conceptId, resolveConceptIds } from '../../src/extract/concept-id.ts';
import { extractPaper } from '../../src/extract/extract-paper.ts';
import { readPapers } from '../../src/ingest/read-papers.ts';

const SEED = new URL('../../seed/daily-papers-mar-14.txt', import.meta.url).pathname;

async function seedPapers(): Promise<RawPaper[]> {
  const papers: RawPaper[] = [];
  for await (const result of readPapers(SEED))
    if (result.kind === 'paper') papers.push(result.paper);
  return papers;
}
const seed = await seedPapers();
const bySeedTitle = (start: string): Extraction => {
  const paper = seed.find((p) => p.title.startsWith(start));
  if (paper === undefined) throw new Error(`no seed paper "${start}"`);
  return extractPaper(paper);
};

function abstractOnly(abstract: string, title = ''): Extraction {
  return extractPaper({ id: 'test', title, abstract, source: 'test' });
}

describe('the issue examples on the seed', () => {
  test('Sophia proposes "Sophia" and compares against Adam; its title says what it is', () => {
    const { concepts } = bySeedTitle('Sophia:');
    // "A Scalable Stochastic Second-order Optimizer" describes Sophia: no concept of its own.
    expect(concepts.filter((c) => /optimizer/i.test(c.name))).toEqual([]);
    expect(concepts.find((c) => c.id === 'concept:sophia')).toMatchObject({
      role: 'proposes',
      name: 'Sophia',
      kind: 'method',
    });
    expect(concepts.find((c) => c.id === 'concept:adam')).toMatchObject({
      role: 'compares',
      name: 'Adam',
    });
  });

  test('WTA-CRS claims 2.7x peak memory reduction and 6.4x larger batch size', () => {
    const { claims, concepts } = bySeedTitle('Winner-Take-All');
    expect(concepts.find((c) => c.id === 'concept:wta-crs')?.role).toBe('proposes');
    expect(
      claims.map(({ kind, value, low, high, unit }) => ({ kind, value, low, high, unit })),
    ).toEqual([
      { kind: 'memory', value: '2.7times', low: 2.7, high: 2.7, unit: 'x' },
      { kind: 'batch_size', value: '6.4times', low: 6.4, high: 6.4, unit: 'x' },
    ]);
    expect(claims[0].text).toBe('2.7times peak memory');
    expect(claims[1].text).toBe('6.4times larger batch size');
  });

  test('DGC claims a 270x-600x compression ratio, names 1Gbps Ethernet and its code URL', () => {
    const { claims, concepts, codeUrls } = bySeedTitle('Deep Gradient Compression');
    const dgc = concepts.find((c) => c.id === 'concept:deep-gradient-compression');
    expect(dgc).toMatchObject({ role: 'proposes', name: 'Deep Gradient Compression' });
    expect(dgc?.aliases).toContain('DGC');
    expect(claims).toContainEqual(
      expect.objectContaining({
        kind: 'compression',
        value: '270x to 600x',
        low: 270,
        high: 600,
        unit: 'x',
      }),
    );
    expect(claims).toContainEqual(
      expect.objectContaining({
        kind: 'compression',
        value: 'from 97MB to 0.35MB',
        low: 0.35,
        high: 97,
        unit: 'MB',
      }),
    );
    expect(claims).toContainEqual(
      expect.objectContaining({
        kind: 'communication',
        value: '1Gbps',
        unit: 'Gbps',
        hardware: 'Ethernet',
      }),
    );
    expect(concepts.find((c) => c.id === 'concept:ethernet')?.mentions[0].text).toBe(
      '1Gbps Ethernet',
    );
    expect(codeUrls).toEqual(['https://github.com/synxlin/deep-gradient-compression']);
  });

  test('DQ proposes dataset quantization and evaluates on ImageNet-1k and Alpaca', () => {
    const { concepts } = bySeedTitle('Dataset Quantization');
    expect(concepts.find((c) => c.id === 'concept:dataset-quantization')).toMatchObject({
      role: 'proposes',
      aliases: ['DQ'],
    });
    const datasets = concepts.filter((c) => c.kind === 'dataset').map((c) => c.id);
    expect(datasets).toEqual(expect.arrayContaining(['concept:imagenet-1k', 'concept:alpaca']));
  });

  test('the Straight Through Estimator is found with its alias STE', () => {
    const { concepts } = bySeedTitle('Estimator Meets Equilibrium');
    const ste = concepts.find((c) => c.id === 'concept:straight-through-estimator');
    expect(ste?.aliases).toEqual(expect.arrayContaining(['STE', 'Straight Through Estimator']));
    expect(ste?.role).toBe('uses');
    expect(
      concepts.find((c) => c.id === 'concept:rectified-straight-through-estimator'),
    ).toMatchObject({
      role: 'proposes',
      aliases: ['ReSTE'],
    });
  });

  test('every seed paper keeps its offsets and has one concept per id', () => {
    for (const paper of seed) {
      const extraction = extractPaper(paper);
      const ids = extraction.concepts.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of [...extraction.concepts, ...extraction.claims]) {
        for (const m of item.mentions) {
          expect(paper[m.field].slice(m.start, m.end)).toBe(m.text);
          expect(m.sentence).toContain(m.text);
        }
      }
    }
  }, 60_000);
});

describe('concept mentions in real sentences', () => {
  test.each([
    [
      'The pioneering work BinaryConnect uses Straight Through Estimator (STE) to mimic the gradients of the sign function.',
      'concept:straight-through-estimator',
      'background',
      [
        ['Straight Through Estimator', 39],
        ['STE', 67],
      ],
    ],
    [
      'The pioneering work BinaryConnect uses Straight Through Estimator (STE) to mimic the gradients of the sign function.',
      'concept:binaryconnect',
      'background',
      [['BinaryConnect', 20]],
    ],
    [
      'We propose a new family of unbiased estimators called WTA-CRS, for matrix production with reduced variance.',
      'concept:wta-crs',
      'proposes',
      [['WTA-CRS', 54]],
    ],
    [
      'In this paper, we propose a novel and practical method, FedSpeed, to alleviate the negative impacts posed by these problems.',
      'concept:fedspeed',
      'proposes',
      [['FedSpeed', 56]],
    ],
    [
      "Notably, with 60% data from ImageNet and 20% data from Alpaca's instruction tuning data, the models can be trained.",
      'concept:alpaca',
      null,
      [['Alpaca', 55]],
    ],
    [
      "Notably, with 60% data from ImageNet and 20% data from Alpaca's instruction tuning data, the models can be trained.",
      'concept:instruction-tuning',
      null,
      [['instruction tuning', 64]],
    ],
    [
      'Extensive experiments on CIFAR-10 and ImageNet datasets show that ReSTE has excellent performance.',
      'concept:cifar-10',
      'uses',
      [['CIFAR-10', 25]],
    ],
    [
      'Recently, several attempts have been made to improve gradient descent methods such as AdaGrad, AdaDelta, RMSProp and Adam.',
      'concept:rmsprop',
      'background',
      [['RMSProp', 105]],
    ],
    [
      'Parameter-efficient fine-tuning (PEFT) of pre-trained language models (PLMs) has emerged as a highly successful approach.',
      'concept:parameter-efficient-fine-tuning',
      null,
      [
        ['Parameter-efficient fine-tuning', 0],
        ['PEFT', 33],
      ],
    ],
    [
      'Extensive experiments demonstrate that MEFT significantly reduces the activation memory up to 84% of full fine-tuning.',
      'concept:full-fine-tuning',
      'compares',
      [['full fine-tuning', 101]],
    ],
    [
      'We propose two such scores -- the Gradient Normed (GraNd) and the Error L2-Norm (EL2N) scores.',
      'concept:gradient-normed',
      'proposes',
      [
        ['Gradient Normed', 34],
        ['GraNd', 51],
      ],
    ],
  ] as const)('%s -> %s', (sentence, id, role, mentions) => {
    const concept = abstractOnly(sentence).concepts.find((c) => c.id === id);
    expect(concept).toBeDefined();
    if (role !== null) expect(concept?.role).toBe(role);
    expect(concept?.mentions.map((m) => [m.text, m.start])).toEqual(mentions);
    for (const m of concept?.mentions ?? []) expect(m.sentence).toBe(sentence);
  });

  test.each([
    [
      'YOLOv9: Learning What You Want to Learn Using Programmable Gradient Information',
      'concept:yolov9',
    ],
    [
      'AdamP: Slowing Down the Slowdown for Momentum Optimizers on Scale-invariant Weights',
      'concept:adamp',
    ],
    ['diffGrad: An Optimization Method for Convolutional Neural Networks', 'concept:diffgrad'],
  ])('the name before the colon of %j is proposed', (title, id) => {
    const concept = extractPaper({
      id: 't',
      title,
      abstract: 'We study it.',
      source: 't',
    }).concepts.find((c) => c.id === id);
    expect(concept).toMatchObject({
      role: 'proposes',
      rules: expect.arrayContaining(['title-name']),
    });
    expect(concept?.mentions[0]).toMatchObject({ field: 'title', start: 0 });
  });

  test.each([
    'Based on our investigations of the sub-sampled Hessian we develop a stochastic Lanczos quadrature based on the fly learning rate.',
    'While our theory applies primarily to linear prediction heads, we propose a more general SVM equivalence that predicts the implicit bias.',
  ])('a name inside a larger phrase is not proposed: %s', (sentence) => {
    expect(abstractOnly(sentence).concepts.filter((c) => c.role === 'proposes')).toEqual([]);
  });

  test('a title that leads with an ordinary phrase proposes nothing', () => {
    const { concepts } = extractPaper({
      id: 't',
      title: 'Make Pre-trained Model Reversible: From Parameter to Memory Efficient Fine-Tuning',
      abstract: 'We study reversible models.',
      source: 't',
    });
    expect(concepts.filter((c) => c.role === 'proposes')).toEqual([]);
  });
});

describe('claims', () => {
  test.each([
    [
      'Deep gradient compression enables large-scale distributed training on inexpensive commodity 1Gbps Ethernet.',
      {
        kind: 'communication',
        value: '1Gbps',
        low: 1,
        high: 1,
        unit: 'Gbps',
        hardware: 'Ethernet',
        text: '1Gbps Ethernet',
      },
    ],
    [
      'We evaluate it on an AWS Lambda cluster involving 256 worker nodes.',
      {
        kind: 'hardware_scale',
        value: '256 worker nodes',
        low: 256,
        high: 256,
        unit: 'nodes',
        hardware: 'AWS Lambda',
      },
    ],
    [
      'Sophia achieves a 2x speed-up compared with Adam in the number of steps, total compute, and wall-clock time.',
      {
        kind: 'speedup',
        value: '2x',
        low: 2,
        high: 2,
        unit: 'x',
        baseline: 'Adam',
        text: '2x speed-up',
      },
    ],
    [
      'Extensive experiments demonstrate that MEFT significantly reduces the activation memory up to 84% of full fine-tuning.',
      { kind: 'memory', value: '84%', low: 84, high: 84, unit: '%', text: 'memory up to 84%' },
    ],
    [
      'Our method speeds up training by factors between 1.25x and 4x.',
      { kind: 'speedup', value: '1.25x and 4x', low: 1.25, high: 4, unit: 'x' },
    ],
  ])('%s', (sentence, expected) => {
    const { claims } = abstractOnly(sentence);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject(expected);
    const m = claims[0].mentions[0];
    expect(sentence.slice(m.start, m.end)).toBe(claims[0].text);
  });

  test.each([
    'With 60% data from ImageNet the models can be trained with no performance drop.',
    'The survey was published in 2023 and cites 120 papers.',
    'We use 3 layers.',
  ])('no claim in %j', (sentence) => {
    expect(abstractOnly(sentence).claims).toEqual([]);
  });
});

describe('concept ids', () => {
  test.each([
    ['method', 'STE', 'concept:straight-through-estimator'],
    ['method', 'straight through estimators', 'concept:straight-through-estimator'],
    ['method', 'Straight-Through Estimator', 'concept:straight-through-estimator'],
    ['method', 'adam', 'concept:adam'],
    ['method', 'SGD', 'concept:stochastic-gradient-descent'],
    ['dataset', 'Cifar10', 'concept:cifar-10'],
    ['dataset', 'imagenet-1k', 'concept:imagenet-1k'],
    ['model', 'GPT2', 'concept:gpt-2'],
    ['method', 'Deep-Gradient Compression', 'concept:deep-gradient-compression'],
    ['method', 'WTA-CRS', 'concept:wta-crs'],
    ['method', 'Lanczos', 'concept:lanczos'],
    ['task', 'object detection', 'concept:object-detection'],
  ] as const)('a %s named %j has the id %s', (_kind, name, id) => {
    expect(conceptId(name)).toBe(id);
  });

  test('a free-text query resolves through the lexicon', () => {
    expect(resolveConceptIds('STE')).toEqual(['concept:straight-through-estimator']);
    expect(resolveConceptIds('Unknown Thing', ['method'])).toEqual(['concept:unknown-thing']);
  });
});

describe('robustness', () => {
  test.each([
    ['empty', ''],
    ['LaTeX', 'We bound it by widetilde O(d/(nvarepsilon_DP)) with \\% and {g(1)} and $\\alpha$.'],
    ['ligatures and emoji', 'ﬁne-tuning is eﬃcient 🚀 with naïve Bayes and Ω(n²) time.'],
    ['only punctuation', '(((( )))) ,,, ;; --'],
    ['unbalanced brackets', 'We propose (DGC and [ResNet-50 (97MB'],
  ])('%s text does not throw', (_name, text) => {
    expect(() => abstractOnly(text, text)).not.toThrow();
  });

  test('a 5 MB abstract is analysed up to the cut-off without throwing', () => {
    const huge = 'We propose Glimmer, which is 2x faster than Adam. '.repeat(110_000);
    const extraction = abstractOnly(huge);
    expect(extraction.concepts.find((c) => c.id === 'concept:glimmer')?.role).toBe('proposes');
  }, 60_000);

  test('property: never throws and every offset slices to its text', () => {
    const words = fc.constantFrom(
      'We',
      'propose',
      'Sophia',
      'Adam',
      '(STE)',
      'Straight',
      'Through',
      'Estimator',
      'ImageNet-1k',
      'on',
      'the',
      'dataset',
      '2.7times',
      'memory',
      '84%',
      'from',
      '97MB',
      'to',
      '0.35MB',
      'called',
      'X-Net',
      '1Gbps',
      'Ethernet',
      ':',
      ',',
      '.',
      '(',
      ')',
      'é',
      '\u00A0',
      'ﬁ',
      '\\%',
      '{g(1)}',
      'https://x.io/a',
    );
    const text = fc.oneof(
      fc.array(words, { maxLength: 40 }).map((w) => w.join(' ')),
      fc.string({ maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, text, (title, abstract) => {
        const paper: RawPaper = { id: 'p', title, abstract, source: 'prop' };
        const extraction = extractPaper(paper);
        for (const item of [...extraction.concepts, ...extraction.claims]) {
          for (const m of item.mentions) {
            if (paper[m.field].slice(m.start, m.end) !== m.text) return false;
          }
        }
        return true;
      }),
      { seed: 20240314, numRuns: 300 },
    );
  }, 60_000);
});
