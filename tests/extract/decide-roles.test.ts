import { describe, expect, test } from 'vitest';
import type { ExtractedConcept, RawPaper } from '../../src/domain.ts';
import { extractPaper } from '../../src/extract/extract-paper.ts';
import { readPapers } from '../../src/ingest/read-papers.ts';

function conceptOf(id: string, abstract: string, title = ''): ExtractedConcept | undefined {
  return extractPaper({ id: 'test', title, abstract, source: 'test' }).concepts.find(
    (c) => c.id === id,
  );
}

describe('comparison: a baseline the paper measures itself against', () => {
  test.each([
    ['Our optimizer converges in half the steps compared with Adam.', 'concept:adam'],
    ['Our model outperforms BERT on every task.', 'concept:bert'],
    ['Our method is faster than LoRA.', 'concept:low-rank-adaptation'],
    ['We evaluate against strong LoRA baselines.', 'concept:low-rank-adaptation'],
    ['Our model needs only 8% of the parameters of BERT.', 'concept:bert'],
    ['Our model needs only 3.8% of the parameters of BERT.', 'concept:bert'],
    [
      'Our kernel is faster than FlashAttention while matching its accuracy.',
      'concept:flashattention',
    ],
    ['Our method outperforms BERT on SQuAD by 2 F1.', 'concept:bert'],
    ['Our model needs only 38% of the parameters of ResNet-50.', 'concept:resnet-50'],
  ])('%s -> %s compares', (abstract, id) => {
    expect(conceptOf(id, abstract)?.role).toBe('compares');
  });
});

describe('background: related work and motivation only', () => {
  test.each([
    [
      '',
      'Retrieval systems built on CLIP dominate the field. We propose a cheaper retriever.',
      'concept:clip',
    ],
    ['', 'Many detectors are trained on COCO. We study a long-tail setting.', 'concept:ms-coco'],
    [
      '',
      'Existing detectors employ Faster R-CNN as the backbone. We propose a new loss.',
      'concept:faster-r-cnn',
    ],
    [
      '',
      'Adam and its variants have been the default optimizers for years. We study a new optimizer.',
      'concept:adam',
    ],
    [
      '',
      'Recently, several attempts have been made to improve gradient descent such as AdaGrad and RMSProp. We propose a new method.',
      'concept:adagrad',
    ],
    [
      '',
      'Previous detectors such as YOLOv5 ignore small objects. We propose a new head.',
      'concept:yolov5',
    ],
    [
      '',
      'Diffusion models have achieved remarkable results. However, DDIM sampling is slow. We propose a faster sampler.',
      'concept:ddim',
    ],
    [
      '',
      'We use COCO for training. Existing methods such as Mask R-CNN are also trained on COCO.',
      'concept:mask-r-cnn',
    ],
    // A survey: what it names is background, whether the title or the abstract says it is one.
    [
      'A Survey of Efficient Transformers',
      'This paper reviews efficient attention, including Linformer and Performer.',
      'concept:linformer',
    ],
    [
      '',
      'We survey efficient attention mechanisms, from Linformer to FlashAttention, and categorize them by cost.',
      'concept:flashattention',
    ],
    [
      'Quantization for LLMs: A Survey',
      'Methods such as GPTQ and AWQ compress weights to 4 bits. We organise them by granularity.',
      'concept:gptq',
    ],
    // Motivation: the sentences before the paper first speaks of itself.
    [
      '',
      'BERT has changed language understanding. Pretraining is costly. In this paper, we study distillation.',
      'concept:bert',
    ],
    [
      '',
      'Mixture-of-experts models such as Switch Transformer scale cheaply. Routing remains unstable. In this work, we study a new router.',
      'concept:switch-transformer',
    ],
    ['', 'LoRA has been widely adopted. We study its rank.', 'concept:low-rank-adaptation'],
  ])('%j %s -> %s is background', (title, abstract, id) => {
    expect(conceptOf(id, abstract, title)?.role).toBe('background');
  });

  test('a survey still proposes what it introduces', () => {
    const abstract =
      'We survey efficient attention mechanisms and propose FlashNorm, a fused normalization kernel.';
    expect(conceptOf('concept:flashnorm', abstract)?.role).toBe('proposes');
  });
});

describe('use: part of the method, training or experiments', () => {
  test.each([
    ['We adopt LoRA for every attention layer.', 'concept:low-rank-adaptation'],
    ['Our detector is based on DETR.', 'concept:detr'],
    ['We fine-tune BERT on each task.', 'concept:bert'],
    ['In our pipeline, CLIP is employed to score each caption.', 'concept:clip'],
    ['We add a light head on top of ResNet-50.', 'concept:resnet-50'],
    ['We evaluate on COCO and LVIS.', 'concept:ms-coco'],
    ['We evaluate on COCO and LVIS.', 'concept:lvis'],
    ['We propose LoRA-X, which extends LoRA to convolutions.', 'concept:low-rank-adaptation'],
  ])('%s -> %s uses', (abstract, id) => {
    expect(conceptOf(id, abstract)?.role).toBe('uses');
  });
});

describe('proposal: the paper’s own contribution', () => {
  test.each([
    ['', 'We propose FlashNorm, a fused normalization kernel.', 'concept:flashnorm'],
    [
      '',
      'Normalization is slow on GPUs. We design a novel kernel, FlashNorm, that fuses the two passes.',
      'concept:flashnorm',
    ],
    ['', 'We present a kernel, dubbed FlashNorm, that fuses the two passes.', 'concept:flashnorm'],
    [
      'FlashNorm: Fusing Normalization into Attention',
      'We study fused kernels.',
      'concept:flashnorm',
    ],
    [
      '',
      'We introduce Gradient Folding Attention (GFA), which reuses keys.',
      'concept:gradient-folding-attention',
    ],
    [
      '',
      'Normalization is slow on GPUs. Our FlashNorm, a novel kernel, fuses the two passes.',
      'concept:flashnorm',
    ],
    ['', 'FlashNorm, a novel normalization kernel, fuses the two passes.', 'concept:flashnorm'],
    [
      '',
      'We study two objectives. The second, referred to as Folded Risk Minimization (FRM), is tighter.',
      'concept:folded-risk-minimization',
    ],
    [
      'Folded Radiance Distance (FRD): A Metric for Comparing Renderers',
      'We define FRD over image features.',
      'concept:folded-radiance-distance',
    ],
    [
      '',
      'GlintSeg is built on a Gradient Folding Mapping Module (GFMM), which encodes instance fields.',
      'concept:gradient-folding-mapping-module',
    ],
    [
      '',
      'Experiments on KWS-Chatter, a few-shot keyword dataset presented in this work, show gains.',
      'concept:kws-chatter',
    ],
  ])('%j %s -> %s is proposed', (title, abstract, id) => {
    expect(conceptOf(id, abstract, title)?.role).toBe('proposes');
  });
});

describe('what a paper does not propose: existing work it builds with or studies', () => {
  test.each([
    [
      '',
      'We propose a dual-branch adapted SAM framework for masks and segmentation.',
      'concept:segment-anything-model',
    ],
    [
      '',
      'We introduce an additional CTC decoder trained with causal masks.',
      'concept:connectionist-temporal-classification',
    ],
    ['', 'This study analyses the style of one LLM called GPT.', 'concept:gpt'],
    [
      'Gpt-4: A Review on Advancements and Opportunities',
      'We review what GPT-4 brings.',
      'concept:gpt-4',
    ],
  ])('%j %s: %s is not proposed', (title, abstract, id) => {
    const concept = conceptOf(id, abstract, title);
    expect(concept).toBeDefined();
    expect(concept?.role).not.toBe('proposes');
  });

  test('a name with plus signs is its own: UNet++ is not U-Net', () => {
    const concepts = extractPaper({
      id: 't',
      title: 'UNet++: A Nested U-Net Architecture for Medical Image Segmentation',
      abstract:
        'In this paper, we present UNet++, a new architecture for medical image segmentation.',
      source: 't',
    }).concepts;
    expect(concepts.find((c) => c.role === 'proposes')).toMatchObject({
      id: 'concept:nested-u-net',
      family: { id: 'concept:u-net' },
    });
    expect(concepts.find((c) => c.id === 'concept:u-net')?.role).not.toBe('proposes');
  });
});

describe('one role from all mentions: proposes > uses > compares > background', () => {
  test.each([
    [
      'Existing detectors rely on DETR. Our model outperforms DETR on COCO. We build our decoder on top of DETR.',
      'concept:detr',
      'uses',
      'on top of DETR',
    ],
    [
      'Existing detectors employ DETR. Our model outperforms DETR on COCO.',
      'concept:detr',
      'compares',
      'outperforms DETR',
    ],
    [
      'We fine-tune BERT on each task. Our model outperforms BERT by two points.',
      'concept:bert',
      'uses',
      'fine-tune BERT',
    ],
    [
      'Adam has been the default optimizer for years. Our optimizer beats Adam on GPT-2.',
      'concept:adam',
      'compares',
      'beats Adam',
    ],
    [
      'We apply FlashNorm to every layer. We propose FlashNorm, a fused kernel.',
      'concept:flashnorm',
      'proposes',
      'propose FlashNorm',
    ],
    [
      'Adam has been the default optimizer. We compare Glimmer against Adam. We propose Glimmer.',
      'concept:glimmer',
      'proposes',
      'propose Glimmer',
    ],
  ])('%s -> %s %s, decided by "%s"', (abstract, id, role, deciding) => {
    const concept = conceptOf(id, abstract);
    expect(concept?.role).toBe(role);
    const name = concept?.mentions[0].text ?? '';
    expect(concept?.mentions[0].start).toBe(abstract.indexOf(deciding) + deciding.indexOf(name));
    expect(concept?.mentions.length).toBeGreaterThan(1);
  });
});

describe('datasets, tasks and metrics', () => {
  test.each([
    ['We evaluate on SQuAD and report F1 for question answering.', 'concept:squad', 'uses'],
    ['We evaluate on SQuAD and report F1 for question answering.', 'concept:f1-score', 'uses'],
    [
      'We evaluate on SQuAD and report F1 for question answering.',
      'concept:question-answering',
      'uses',
    ],
    ['We report top-1 accuracy on ImageNet.', 'concept:imagenet', 'uses'],
    ['Our method outperforms BERT on SQuAD by 2 F1.', 'concept:squad', 'uses'],
    // A baseline's metric or task is still one the paper uses.
    ['Our method outperforms BERT on SQuAD by 2 F1.', 'concept:f1-score', 'uses'],
    [
      'We propose a new decoder for semantic segmentation.',
      'concept:semantic-segmentation',
      'uses',
    ],
    ['Prior work evaluated on SQuAD. We study a harder setting on SQuAD.', 'concept:squad', 'uses'],
    // The paper's own sentence names the task it addresses, whatever it says of others' methods.
    [
      'Speech is hard to read from lips. We improve previous lip reading methods with a new encoder.',
      'concept:lip-reading',
      'uses',
    ],
    // "prior" names what the paper beats, not where SQuAD stands.
    ['Our method outperforms prior work on SQuAD.', 'concept:squad', 'uses'],
    // Only named in related work: background.
    [
      'Prior work evaluated on SQuAD and reported F1 for question answering. We study a harder setting.',
      'concept:squad',
      'background',
    ],
    [
      'Prior work evaluated on SQuAD and reported F1 for question answering. We study a harder setting.',
      'concept:f1-score',
      'background',
    ],
    [
      'Semantic segmentation has been widely studied. We propose a new decoder.',
      'concept:semantic-segmentation',
      'background',
    ],
    // Introduced by the paper: proposed.
    [
      'We introduce CodeTrek, a new benchmark of repository-level coding tasks.',
      'concept:codetrek',
      'proposes',
    ],
    [
      'To this end, we construct a new benchmark called CodeTrek with 2,000 tasks.',
      'concept:codetrek',
      'proposes',
    ],
  ])('%s -> %s %s', (abstract, id, role) => {
    expect(conceptOf(id, abstract)?.role).toBe(role);
  });

  test.each([
    [
      'We introduce CodeTrek, a new benchmark of repository-level coding tasks.',
      'concept:codetrek',
    ],
    [
      'We introduce Long Context Recall (LCR), a new benchmark for long documents.',
      'concept:long-context-recall',
    ],
  ])('a benchmark the paper introduces is a dataset: %s', (abstract, id) => {
    expect(conceptOf(id, abstract)).toMatchObject({ kind: 'dataset', role: 'proposes' });
  });
});

describe('the seed', () => {
  test('Sophia proposes Sophia and compares against Adam, decided by "compared with Adam"', async () => {
    const seed = new URL('../../seed/daily-papers-mar-14.txt', import.meta.url).pathname;
    let paper: RawPaper | undefined;
    for await (const result of readPapers(seed)) {
      if (result.kind === 'paper' && result.paper.title.startsWith('Sophia:')) paper = result.paper;
    }
    expect(paper).toBeDefined();
    const concepts = extractPaper(paper as RawPaper).concepts;
    expect(concepts.find((c) => c.id === 'concept:sophia')?.role).toBe('proposes');
    const adam = concepts.find((c) => c.id === 'concept:adam');
    expect(adam?.role).toBe('compares');
    // "Adam and its variants have been state-of-the-art" is background; the comparison decides.
    expect(adam?.mentions[0].sentence).toContain('compared with Adam');
    expect(adam?.mentions.length).toBeGreaterThan(1);
  });
});
