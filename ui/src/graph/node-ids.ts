// What an id says about its node, for ids that arrive without a kind (a URL, a panel's link).

/**
 * Concept ids are `concept:` and the slug of a name (`concept:adam`, `concept:resnet-50`),
 * whatever the kind; paper ids are whatever their source says (`daily:…`, `arxiv:2305.14342`).
 */
export function isConceptId(id: string): boolean {
  return id.startsWith('concept:') && id.length > 'concept:'.length;
}
