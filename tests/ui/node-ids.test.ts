import { expect, test } from 'vitest';
import { isConceptId } from '../../ui/src/node-ids.ts';

test.each([
  ['adam', true],
  ['resnet-50', true],
  ['imagenet', true],
  ['daily:sophia-a-scalable-stochastic-second-order-optimizer', false],
  ['arxiv:2305.14342', false],
  ['', false],
])('%j is a concept id: %s', (id, concept) => {
  expect(isConceptId(id)).toBe(concept);
});
