// GraphQL enums are UPPER_CASE; the domain speaks lower case. Converted here, once.
import type { ClaimKind, ConceptKind, Role } from '../../domain.ts';
import type {
  ClaimKind as GqlClaimKind,
  ConceptKind as GqlConceptKind,
  Role as GqlRole,
} from '../generated/resolvers.generated.ts';

export const toGqlKind = (kind: ConceptKind) => kind.toUpperCase() as GqlConceptKind;
export const fromGqlKind = (kind: GqlConceptKind) => kind.toLowerCase() as ConceptKind;
export const toGqlRole = (role: string | null) => (role ? (role.toUpperCase() as GqlRole) : null);
export const fromGqlRole = (role: GqlRole) => role.toLowerCase() as Role;
export const toGqlClaimKind = (kind: ClaimKind) => kind.toUpperCase() as GqlClaimKind;
export const fromGqlClaimKind = (kind: GqlClaimKind) => kind.toLowerCase() as ClaimKind;
