// The roles a "Who uses …?" question asks about: the filter's values, the requests they take,
// how their answers join into one, and the link each role is drawn as.
import type { ConceptKind, LinkType, Role } from '../gql/graphql.ts';
import { LINK_LOOKS } from '../graph/graph-style.ts';
import type { WhoUsesAnswer } from './who-uses-to-slice.ts';

export const ROLES: readonly Role[] = ['PROPOSES', 'USES', 'COMPARES', 'BACKGROUND'];

/** What the server answers without a role filter: every role but related work. */
export const DEFAULT_ROLES: readonly Role[] = ['PROPOSES', 'USES', 'COMPARES'];

/** Known roles, each once, in `ROLES` order (one spelling per filter, for URLs and caches). */
export function normalizeRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

export const isDefaultRoles = (roles: readonly Role[]) =>
  normalizeRoles(roles).join() === DEFAULT_ROLES.join();

/**
 * The `role` argument of each request a filter takes; `undefined` asks without a filter. The
 * default roles are asked without one, since only then does the server add the papers that build
 * on or cite the proposer; background is asked apart (`role: [BACKGROUND]`), the server leaving
 * it out of every other answer.
 */
export function whoUsesAsks(roles: readonly Role[]): (Role[] | undefined)[] {
  const wanted = normalizeRoles(roles);
  const direct = wanted.filter((role) => role !== 'BACKGROUND');
  const asks: (Role[] | undefined)[] = [];
  if (direct.length) asks.push(isDefaultRoles(direct) ? undefined : direct);
  if (wanted.includes('BACKGROUND')) asks.push(['BACKGROUND']);
  return asks;
}

/** The answers of one question's requests as one: their papers in request order. */
export function mergeWhoUsesAnswers(answers: readonly WhoUsesAnswer[]): WhoUsesAnswer {
  const withTechnique = answers.find((a) => a.technique) ?? answers[0];
  return {
    technique: withTechnique?.technique ?? null,
    alternatives: withTechnique?.alternatives ?? [],
    totalCount: answers.reduce((sum, a) => sum + a.totalCount, 0),
    edges: answers.flatMap((a) => a.edges),
  };
}

/**
 * The link a role is stored as for a concept of this kind (the server's rule): proposals and
 * background by their role; otherwise datasets are evaluated on, tasks addressed, metrics
 * measured, and methods, models and hardware used or compared against.
 */
export function roleLinkType(kind: ConceptKind, role: Role): LinkType {
  if (role === 'PROPOSES' || role === 'BACKGROUND') return role;
  if (kind === 'DATASET') return 'EVALUATES_ON';
  if (kind === 'TASK') return 'ADDRESSES';
  if (kind === 'METRIC') return 'MEASURES';
  return role;
}

/** How a role reads for a concept of this kind: `uses` is `evaluates on` for a dataset. */
export function roleLabel(kind: ConceptKind, role: Role): string {
  return LINK_LOOKS[role === 'USES' ? roleLinkType(kind, role) : role].label;
}
