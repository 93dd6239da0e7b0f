// GraphiQL's saved examples are documents a user runs first: each must parse, validate against
// the schema, name its operation and open with the comment that says what it asks.
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { expect, test } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/graphql/example-queries.ts';
import { loadTypeDefs } from '../../src/graphql/load-type-defs.ts';

const schema = buildSchema(loadTypeDefs().join('\n'));

test('the examples, by operation name, in the order GraphiQL shows them as tabs', () => {
  expect(
    EXAMPLE_QUERIES.map(({ query }) => {
      const [operation] = parse(query).definitions as OperationDefinitionNode[];
      return operation?.name?.value;
    }),
  ).toMatchInlineSnapshot(`
    [
      "WhoUsesAdam",
      "MemoryClaims",
      "GraphStats",
      "AdamNeighbourhood",
      "PaperDetails",
    ]
  `);
});

test.each(EXAMPLE_QUERIES.map(({ query }) => [query.split('\n')[0], query]))(
  '%s: one named query, valid against the schema, after its comment, unindented',
  (_comment, query) => {
    const document = parse(query);
    expect(validate(schema, document)).toEqual([]);
    expect(document.definitions).toHaveLength(1);
    expect(document.definitions[0]).toMatchObject({
      kind: Kind.OPERATION_DEFINITION,
      operation: 'query',
    });
    expect(query).toMatch(/^# \S.*\n(# .*\n)*query [A-Z]\w+ \{\n/);
    expect(query).toMatch(/\n\}\n$/);
  },
);
