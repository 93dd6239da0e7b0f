// A result row read by name and type, so a read's decoder says what each column is instead of
// casting: a column that is not what the decoder expects is a StoreError naming it, not a
// silently wrong domain object.
import { toNumber } from './neo4j-values.ts';
import { StoreError } from './store-error.ts';

export type Props = Record<string, unknown>;

export class Row {
  constructor(private readonly values: Props) {}

  private wrong(key: string, expected: string): never {
    throw new StoreError(`column "${key}" of a read is not ${expected}`, 'DB_ERROR');
  }

  string(key: string): string {
    const value = this.values[key];
    return typeof value === 'string' ? value : this.wrong(key, 'a string');
  }

  /** A string, or null when the column is null or missing. */
  optionalString(key: string): string | null {
    const value = this.values[key];
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : this.wrong(key, 'a string');
  }

  /** A number, from a JavaScript number or a Neo4j Integer. */
  number(key: string): number {
    const value = this.values[key];
    return value === null || value === undefined ? this.wrong(key, 'a number') : toNumber(value);
  }

  boolean(key: string): boolean {
    const value = this.values[key];
    return typeof value === 'boolean' ? value : this.wrong(key, 'a boolean');
  }

  strings(key: string): string[] {
    const value = this.values[key];
    return Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? (value as string[])
      : this.wrong(key, 'a list of strings');
  }

  /** A node's or relationship's properties, or a map the query built. */
  props(key: string): Props {
    const value = this.values[key];
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Props)
      : this.wrong(key, 'a map');
  }

  /** A list of maps, each read as a Row. */
  rows(key: string): Row[] {
    const value = this.values[key];
    return Array.isArray(value) ? value.map((v) => new Row(v as Props)) : this.wrong(key, 'a list');
  }

  /** A list of maps as plain properties. */
  propsList(key: string): Props[] {
    const value = this.values[key];
    return Array.isArray(value) ? (value as Props[]) : this.wrong(key, 'a list');
  }

  /** A column as it came, for decoders that take any value (evidence JSON, roles). */
  raw(key: string): unknown {
    return this.values[key];
  }
}
