// What an id says about its node, for ids that arrive without a kind (a URL, a panel's link).

/**
 * Paper ids start with their source (`daily:…`, `arxiv:2305.14342`); concept ids are the slug of
 * a name (`adam`, `resnet-50`) and never contain a colon.
 */
export function isConceptId(id: string): boolean {
  return id !== '' && !id.includes(':');
}
