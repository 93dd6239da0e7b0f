// A result row read by name and type, so a read's decoder says what each column is instead of
// casting: a column that is not what the decoder expects is a StoreError naming it, not a
// silently wrong domain object.
import { toNumber } from './neo4j-values.ts';
import { StoreError } from './store-error.ts';

export type Props = Record<string, unknown>;

const wrong = (column: string, field: string | undefined, expected: string): never => {
  const name = field === undefined ? column : `${column}.${field}`;
  throw new StoreError(`column "${name}" of a read is not ${expected}`, 'DB_ERROR');
};

const isProps = (value: unknown): value is Props =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One value read by type, `column` (and the `field` of it, for a list's field) naming it in the
 * error. Row reads its columns with these; so does the decoder of a fixed-shape list (a read
 * returning `[id, kind, ...]` rather than a map, which spares the driver decoding the same keys
 * in every row), field by field.
 * NOTE: the name is put together only for the error: a decoder runs for every link of an export.
 */
export const readValue = {
  string(value: unknown, column: string, field?: string): string {
    return typeof value === 'string' ? value : wrong(column, field, 'a string');
  },

  /** A string, or null when the value is null or missing. */
  optionalString(value: unknown, column: string, field?: string): string | null {
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : wrong(column, field, 'a string');
  },

  /** A number, from a JavaScript number or a Neo4j Integer. */
  number(value: unknown, column: string, field?: string): number {
    return value === null || value === undefined
      ? wrong(column, field, 'a number')
      : toNumber(value);
  },

  /** A number, or null when the value is null or missing (as `number`, it never throws). */
  optionalNumber(value: unknown): number | null {
    return value === null || value === undefined ? null : toNumber(value);
  },

  /** One of a fixed set of strings (a kind, a link type). */
  oneOf<T extends string>(values: readonly T[], value: unknown, column: string, field?: string): T {
    // NOTE: `includes` is the checked read; the cast only tells TypeScript what it proved.
    return (values as readonly unknown[]).includes(value)
      ? (value as T)
      : wrong(column, field, `one of ${values.join(', ')}`);
  },

  /** A map (a node's properties, or one the query built). */
  props(value: unknown, column: string, field?: string): Props {
    return isProps(value) ? value : wrong(column, field, 'a map');
  },

  /** A list, its items unread: a fixed-shape list's decoder names and reads them. */
  list(value: unknown, column: string, field?: string): readonly unknown[] {
    return Array.isArray(value) ? value : wrong(column, field, 'a list');
  },
};

export class Row {
  constructor(private readonly values: Props) {}

  string(key: string): string {
    return readValue.string(this.values[key], key);
  }

  /** A string, or null when the column is null or missing. */
  optionalString(key: string): string | null {
    return readValue.optionalString(this.values[key], key);
  }

  /** A number, from a JavaScript number or a Neo4j Integer. */
  number(key: string): number {
    return readValue.number(this.values[key], key);
  }

  /** A number, or null when the column is null or missing. */
  optionalNumber(key: string): number | null {
    return readValue.optionalNumber(this.values[key]);
  }

  boolean(key: string): boolean {
    const value = this.values[key];
    return typeof value === 'boolean' ? value : wrong(key, undefined, 'a boolean');
  }

  /** One of a fixed set of strings (a kind, a link type). */
  oneOf<T extends string>(key: string, values: readonly T[]): T {
    return readValue.oneOf(values, this.values[key], key);
  }

  strings(key: string): string[] {
    const value = this.values[key];
    return Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? (value as string[])
      : wrong(key, undefined, 'a list of strings');
  }

  /** A node's or relationship's properties, or a map the query built. */
  props(key: string): Props {
    return readValue.props(this.values[key], key);
  }

  /** A map, or null when the column is null or missing (a `CASE` that left the row out). */
  optionalProps(key: string): Props | null {
    const value = this.values[key];
    if (value === null || value === undefined) return null;
    return isProps(value) ? value : wrong(key, undefined, 'a map');
  }

  /** A list of maps, each read as a Row. */
  rows(key: string): Row[] {
    const value = this.values[key];
    return Array.isArray(value)
      ? value.map((v) => new Row(readValue.props(v, key)))
      : wrong(key, undefined, 'a list');
  }

  /** A list of maps as plain properties. */
  propsList(key: string): Props[] {
    const value = this.values[key];
    return Array.isArray(value)
      ? value.map((v) => readValue.props(v, key))
      : wrong(key, undefined, 'a list');
  }

  /**
   * A list of maps, each left for a decoder to read with readValue, or null when the column is
   * null: for lists as long as a paper's links, read without a Row per item.
   */
  optionalList(key: string): readonly unknown[] | null {
    const value = this.values[key];
    return value === null || value === undefined ? null : readValue.list(value, key);
  }

  /** A list whose items a decoder reads by name (see readValue). */
  list(key: string): readonly unknown[] {
    return readValue.list(this.values[key], key);
  }
}
