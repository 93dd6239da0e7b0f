import neo4j from 'neo4j-driver';

/** A driver value (Integer, number, null) as a JS number; neo4j Integers stop here. */
export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  return typeof value === 'number' ? value : 0;
}

/** A JS number as a Cypher INTEGER parameter (plain numbers arrive as FLOAT: `LIMIT 10.0` fails). */
export const toInt = (value: number) => neo4j.int(Math.trunc(value));
