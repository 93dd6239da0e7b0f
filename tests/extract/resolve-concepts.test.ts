import { describe, expect, test } from 'vitest';
import type { ExtractedConcept } from '../../src/domain.ts';
import { extractPaper } from '../../src/extract/extract-paper.ts';

function conceptsOf(title: string, abstract: string): ExtractedConcept[] {
  return extractPaper({ id: 'test', title, abstract, source: 'test' }).concepts;
}

/** The concept one written form in the paper was resolved to, or undefined when none was. */
function conceptAt(concepts: ExtractedConcept[], field: 'title' | 'abstract', text: string) {
  return concepts.find((c) => c.mentions.some((m) => m.field === field && m.text === text));
}

describe('an acronym the paper defines binds it for the whole paper', () => {
  test.each([
    [
      'Adapting SAM to Medical Images',
      'We adapt the Segment Anything Model (SAM) to medical images.',
      'concept:segment-anything-model',
      'concept:sharpness-aware-minimization',
    ],
    [
      // The abstract also has the other sense's cues (sharpness, flat minima): the definition wins.
      'SAM for CT Scans',
      'The Segment Anything Model (SAM) is strong. We also study sharpness and flat minima.',
      'concept:segment-anything-model',
      'concept:sharpness-aware-minimization',
    ],
    [
      // And the other way round: masks and segmentation are cues of the Segment Anything Model.
      'Does SAM Help Segmentation Networks Generalize?',
      'We train segmentation networks with Sharpness-Aware Minimization (SAM) and predict masks with SAM.',
      'concept:sharpness-aware-minimization',
      'concept:segment-anything-model',
    ],
    [
      'MAP Decoding for Translation',
      'We study maximum a posteriori (MAP) decoding of translation models.',
      'concept:maximum-a-posteriori-estimation',
      'concept:mean-average-precision',
    ],
  ])('the title of %j resolves its acronym to %s', (title, abstract, id, other) => {
    const concepts = conceptsOf(title, abstract);
    const acronym = /\b(SAM|MAP)\b/.exec(title)?.[1] ?? '';
    expect(conceptAt(concepts, 'title', acronym)?.id).toBe(id);
    // The other sense makes no concept, even where its cue words occur.
    expect(concepts.map((c) => c.id)).not.toContain(other);
  });

  test('every mention of the defined acronym is evidence of one concept', () => {
    const concepts = conceptsOf(
      'SAM for CT Scans',
      'The Segment Anything Model (SAM) is strong. We also study sharpness and flat minima.',
    );
    const sam = concepts.filter((c) => c.mentions.some((m) => m.text === 'SAM'));
    expect(sam.map((c) => c.id)).toEqual(['concept:segment-anything-model']);
    expect(sam[0].mentions.map((m) => `${m.field} ${m.start} ${m.text}`).sort()).toEqual([
      'abstract 28 SAM',
      'abstract 4 Segment Anything Model',
      'title 0 SAM',
    ]);
  });
});

describe('an ambiguous acronym without definition takes the sense the paper supports', () => {
  test.each([
    [
      'We train with SAM to find flat minima and improve generalization.',
      'SAM',
      'concept:sharpness-aware-minimization',
    ],
    [
      'We fine-tune SAM with point prompts to predict masks.',
      'SAM',
      'concept:segment-anything-model',
    ],
    [
      'We decode with MAP under a Gaussian prior and posterior.',
      'MAP',
      'concept:maximum-a-posteriori-estimation',
    ],
    ['We report mAP on object detection.', 'mAP', 'concept:mean-average-precision'],
    ['We report ASR on speech transcription.', 'ASR', 'concept:speech-recognition'],
    ['We report ASR under backdoor attacks.', 'ASR', 'concept:attack-success-rate'],
  ])('%s -> %s is %s', (abstract, form, id) => {
    expect(conceptAt(conceptsOf('', abstract), 'abstract', form)?.id).toBe(id);
  });

  test.each([
    'We study SAM on the benchmark.',
    'SAM is a popular choice. We build on it.',
    'We report MAP on the leaderboard.',
    'We report ASR on the test set.',
    'Our ASR improves by 3 points.',
  ])('no sense has support in %j: no concept at all', (abstract) => {
    expect(conceptsOf('', abstract)).toEqual([]);
  });
});

describe('a variant resolves to its family, one level per step', () => {
  test.each([
    ['We fine-tune ResNet-50 on the training images.', 'ResNet-50', 'concept:resnet'],
    ['We fine-tune Llama2-7B on instructions.', 'Llama2-7B', 'concept:llama-2'],
    ['We fine-tune Llama 2 on instructions.', 'Llama 2', 'concept:llama'],
    ['We prompt GPT-4o with each question.', 'GPT-4o', 'concept:gpt-4'],
    ['We prompt GPT-4 with each question.', 'GPT-4', 'concept:gpt'],
    ['We adapt MedSAM to ultrasound segmentation.', 'MedSAM', 'concept:segment-anything-model'],
    ['We pretrain on ImageNet-1k.', 'ImageNet-1k', 'concept:imagenet'],
  ])('%s: %s is a variant of %s', (abstract, form, family) => {
    const concept = conceptAt(conceptsOf('', abstract), 'abstract', form);
    expect(concept?.family?.id).toBe(family);
    expect(concept?.id).not.toBe(family);
  });

  test.each([
    ['We fine-tune ResNet on the training images.', 'ResNet', 'concept:resnet'],
    ['We pretrain on ImageNet.', 'ImageNet', 'concept:imagenet'],
    [
      'We fine-tune the Segment Anything Model with box prompts.',
      'Segment Anything Model',
      'concept:segment-anything-model',
    ],
    // A class is no family: ResNet is no variant of CNN, nor ViT of Transformer.
    ['We fine-tune ResNet and ViT on the images.', 'ViT', 'concept:vision-transformer'],
    [
      'We train a CNN and a Transformer on the images.',
      'CNN',
      'concept:convolutional-neural-network',
    ],
    ['We train a CNN and a Transformer on the images.', 'Transformer', 'concept:transformer'],
  ])('%s: %s is %s, a family with none of its own', (abstract, form, id) => {
    const concept = conceptAt(conceptsOf('', abstract), 'abstract', form);
    expect(concept?.id).toBe(id);
    expect(concept?.family ?? null).toBeNull();
  });

  test('ResNet is not a variant of CNN when both are in the paper', () => {
    const concepts = conceptsOf('', 'Our CNN uses a ResNet backbone and a ViT head.');
    expect(conceptAt(concepts, 'abstract', 'ResNet')?.family ?? null).toBeNull();
    expect(conceptAt(concepts, 'abstract', 'ViT')?.family ?? null).toBeNull();
  });
});

describe('one node per name, whatever its kind and however it is written', () => {
  test.each([
    [
      'We train binary networks with straight-through estimators. The STE passes gradients unchanged. A Straight Through Estimator is simple.',
      'concept:straight-through-estimator',
      ['straight-through estimators', 'STE', 'Straight Through Estimator'],
    ],
    [
      'We prune the Segment Anything Model. SAM is large.',
      'concept:segment-anything-model',
      ['Segment Anything Model', 'SAM'],
    ],
    [
      // Named as a dataset, then as a model: still one node.
      'We train on the Kestrel dataset. Kestrel models trained on it outperform GPT-2.',
      'concept:kestrel',
      ['Kestrel', 'Kestrel'],
    ],
  ])('%s', (abstract, id, forms) => {
    const concepts = conceptsOf('', abstract);
    const holders = concepts.filter((c) => c.mentions.some((m) => forms.includes(m.text)));
    expect(holders.map((c) => c.id)).toEqual([id]);
    expect(holders[0].mentions.map((m) => m.text).sort()).toEqual([...forms].sort());
  });

  test.each([
    'We train binary networks with straight-through estimators. The STE passes gradients unchanged.',
    'We train on the Kestrel dataset. Kestrel models trained on it outperform GPT-2.',
    'We adapt MedSAM to ultrasound segmentation and report Dice on ACDC.',
    'We introduce CodeTrek, a new benchmark of repository-level coding tasks.',
  ])('ids carry no kind: %s', (abstract) => {
    const ids = conceptsOf('', abstract).map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^concept:[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('generic phrases make no node', () => {
  test.each([
    ['', 'We train deep neural networks on the images.'],
    ['', 'Large Language Models (LLMs) are strong. We fine-tune LLMs on instructions.'],
    ['', 'We propose a novel framework for it.'],
    ['Large Language Models Can Plan', 'We show that LLMs can plan when asked.'],
  ])('%j %j has no concept', (title, abstract) => {
    expect(conceptsOf(title, abstract)).toEqual([]);
  });

  test('"instance segmentation methods" names the task, not a node of methods', () => {
    const concepts = conceptsOf('', 'Existing instance segmentation methods need masks.');
    expect(concepts.map((c) => [c.id, c.mentions.map((m) => m.text)])).toEqual([
      ['concept:instance-segmentation', ['instance segmentation']],
    ]);
  });

  test('a descriptive title after a name is no concept', () => {
    const concepts = conceptsOf(
      'Sophia: A Scalable Stochastic Second-order Optimizer for Language Model Pre-training',
      'We propose Sophia, a simple optimizer.',
    );
    expect(concepts.find((c) => c.id === 'concept:sophia')?.role).toBe('proposes');
    const texts = concepts.flatMap((c) => c.mentions.map((m) => m.text));
    expect(texts.filter((t) => /optimizer|scalable|second-order/i.test(t))).toEqual([]);
  });
});

describe('"X-based" names X', () => {
  test.each([
    ['We compare against CNN-based detectors.', 'CNN', 'concept:convolutional-neural-network'],
    ['We adopt a CNN-based encoder.', 'CNN', 'concept:convolutional-neural-network'],
    ['We adopt a Transformer-based decoder.', 'Transformer', 'concept:transformer'],
    ['We adopt a ResNet-based backbone.', 'ResNet', 'concept:resnet'],
  ])('%s -> %s is %s', (abstract, form, id) => {
    const concepts = conceptsOf('', abstract);
    expect(conceptAt(concepts, 'abstract', form)?.id).toBe(id);
    expect(concepts.flatMap((c) => c.mentions.map((m) => m.text))).not.toContain(`${form}-based`);
  });
});
