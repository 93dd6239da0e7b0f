import type { ReadResult } from './read-result.ts';

/**
 * One line of a JSON Lines input as an object, or the skipped record saying why it is not one
 * (`expected` names what the format wants: "a JSON object (one OpenAlex work)").
 */
export function parseJsonLine(
  line: string,
  where: string,
  expected: string,
): { kind: 'object'; value: Record<string, unknown> } | Extract<ReadResult, { kind: 'skipped' }> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return {
      kind: 'skipped',
      skipped: { where, reason: `not valid JSON (${(error as Error).message})` },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'skipped', skipped: { where, reason: `expected ${expected}` } };
  }
  return { kind: 'object', value: value as Record<string, unknown> };
}
