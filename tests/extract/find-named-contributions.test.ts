import { describe, expect, test } from 'vitest';
import { findNamedContributions } from '../../src/extract/find-named-contributions.ts';
import { parseText } from '../../src/extract/parse-text.ts';

/** The contributions named in the second sentence, so offsets start after the first. */
function contributionsIn(sentence: string, title = '') {
  const [, second] = parseText(`A first sentence. ${sentence}`);
  return findNamedContributions('abstract', second, new Map(), title).map(
    ({ name, rule, start, end, proposes }) => ({ name, rule, start, end, proposes }),
  );
}

describe('each contribution rule finds the name of its example', () => {
  test.each([
    {
      title: 'called-cue: a naming verb',
      sentence: 'The estimator is termed f-distill in this work.',
      found: [{ name: 'f-distill', rule: 'called-cue', start: 42, end: 51, proposes: true }],
    },
    {
      title: 'called-cue: "referred to as" and a run of capitalised words',
      sentence: 'This objective is referred to as Information Meta-Risk Minimization.',
      found: [
        {
          name: 'Information Meta-Risk Minimization',
          rule: 'called-cue',
          start: 51,
          end: 85,
          proposes: true,
        },
      ],
    },
    {
      title: 'called-cue: a known name called by its name is referred to, not proposed',
      sentence: 'In this paper we use Adam to train a model called GPT.',
      found: [{ name: 'GPT', rule: 'called-cue', start: 68, end: 71, proposes: false }],
    },
    {
      title: 'propose-cue: the name after a proposing verb whose subject is the paper',
      sentence: 'We propose Sophia, a simple scalable second-order optimizer.',
      found: [{ name: 'Sophia', rule: 'propose-cue', start: 29, end: 35, proposes: true }],
    },
    {
      title: 'propose-cue: a name before a contribution head',
      sentence: 'We propose the SSO algorithm for training.',
      found: [{ name: 'SSO', rule: 'propose-cue', start: 33, end: 36, proposes: true }],
    },
    {
      title: 'propose-cue: a name that only modifies a noun is not the contribution',
      sentence: 'We propose a stochastic Lanczos quadrature for the trace.',
      found: [],
    },
    {
      title: 'propose-cue and appositive-name: a name set off after "method,"',
      sentence: 'We propose a novel and practical method, FedSpeed, to overcome these problems.',
      found: [
        { name: 'FedSpeed', rule: 'propose-cue', start: 59, end: 67, proposes: true },
        { name: 'FedSpeed', rule: 'appositive-name', start: 59, end: 67, proposes: true },
      ],
    },
    {
      title: 'appositive-name needs the paper as the subject',
      sentence: 'They used a method, FedSpeed, to overcome these problems.',
      found: [],
    },
  ])('$title', ({ sentence, found }) => {
    expect(contributionsIn(sentence)).toEqual(found);
  });
});
