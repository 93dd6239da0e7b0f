import { expect, test } from 'vitest';
import { isConceptId } from '../../ui/src/graph/node-ids.ts';

test.each([
  ['concept:adam', true],
  ['concept:resnet-50', true],
  ['concept:', false],
  ['adam', false],
  ['bert', false],
  ['daily:sophia-a-scalable-stochastic-second-order-optimizer', false],
  ['arxiv:2305.14342', false],
  ['', false],
])('%j is a concept id: %s', (id, concept) => {
  expect(isConceptId(id)).toBe(concept);
});
