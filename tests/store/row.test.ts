import neo4j from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { readValue, Row } from '../../src/store/row.ts';
import { StoreError } from '../../src/store/store-error.ts';

const row = new Row({
  name: 'Adam',
  nothing: null,
  count: neo4j.int(42),
  score: 1.5,
  kind: 'method',
  node: { id: 'concept:adam' },
  edges: [{ n: 1 }, { n: 2 }],
  fields: ['a', 2],
});

describe('Row reads a column by name and type', () => {
  test.each([
    ['optionalNumber', 'count', 42],
    ['optionalNumber', 'score', 1.5],
    ['optionalNumber', 'nothing', null],
    ['optionalNumber', 'missing', null],
    ['optionalProps', 'node', { id: 'concept:adam' }],
    ['optionalProps', 'nothing', null],
    ['optionalList', 'nothing', null],
    ['optionalList', 'edges', [{ n: 1 }, { n: 2 }]],
    ['list', 'fields', ['a', 2]],
  ] as const)('%s(%s)', (method, key, expected) => {
    expect(row[method](key)).toEqual(expected);
  });

  test('rows and propsList read each map of a list', () => {
    expect(row.rows('edges').map((edge) => edge.number('n'))).toEqual([1, 2]);
    expect(row.propsList('edges')).toEqual([{ n: 1 }, { n: 2 }]);
  });

  test.each(['rows', 'propsList'] as const)(
    '%s of a list holding a non-map names the column',
    (method) => {
      expect(() => row[method]('fields')).toThrow('column "fields" of a read is not a map');
    },
  );

  test('oneOf reads a value of a fixed set', () => {
    expect(row.oneOf('kind', ['method', 'model'])).toBe('method');
  });

  test.each([
    ['optionalProps', 'name', 'column "name" of a read is not a map'],
    ['optionalProps', 'fields', 'column "fields" of a read is not a map'],
    ['optionalList', 'name', 'column "name" of a read is not a list'],
    ['list', 'node', 'column "node" of a read is not a list'],
    ['list', 'nothing', 'column "nothing" of a read is not a list'],
  ] as const)(
    '%s(%s) of another type throws a StoreError naming the column',
    (method, key, message) => {
      expect(() => row[method](key)).toThrow(new StoreError(message, 'DB_ERROR'));
    },
  );

  test('oneOf of a value outside the set names the column and the set', () => {
    expect(() => row.oneOf('kind', ['dataset', 'task'])).toThrow(
      'column "kind" of a read is not one of dataset, task',
    );
  });
});

describe('readValue reads the fields of a fixed-shape list, named for the error', () => {
  const [label, degree] = row.list('fields');

  test('fields of the right type', () => {
    expect([
      readValue.string(label, 'node.label'),
      readValue.number(degree, 'node.degree'),
    ]).toEqual(['a', 2]);
  });

  test('a map of a list read without a Row', () => {
    const [first] = row.list('edges');
    expect(readValue.props(first, 'edges')).toEqual({ n: 1 });
    expect(() => readValue.props(label, 'edges', 'evidence')).toThrow(
      'column "edges.evidence" of a read is not a map',
    );
  });

  test('a field of another type', () => {
    expect(() => readValue.string(degree, 'node', 'label')).toThrow(
      'column "node.label" of a read is not a string',
    );
  });
});
