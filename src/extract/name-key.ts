// Name normalisation shared by the lexicon and concept ids.
/**
 * A comparison key for a name: lower case, accents and every non-alphanumeric character removed,
 * `+` read as `plus` (MAML++ is not MAML), last word singularised. `Straight-Through Estimators`, `straight through estimator` and
 * `StraightThrough Estimator` share one key.
 */
export function nameKey(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9]+/g, '');
  return singularKey(key);
}

function singularKey(key: string): string {
  if (key.length <= 3) return key;
  if (key.endsWith('ies') && key.length > 4) return `${key.slice(0, -3)}y`;
  if (/(?:ss|us|is|ics)$/.test(key)) return key;
  if (/(?:ches|shes|xes|sses)$/.test(key)) return key.slice(0, -2);
  if (key.endsWith('s') && !/[0-9]s$/.test(key)) return key.slice(0, -1);
  return key;
}

/** A readable slug of a name: `ResNet-50` -> `resnet-50`, `Deep Gradient Compression` -> `deep-gradient-compression`. */
export function slugName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return 'unnamed';
  // Only common nouns are singularised: `Neural Networks`, `datasets`, but not the name `Lanczos`.
  const written = name.trim().split(/\s+/);
  if (written.length > 1 || written[0] === written[0].toLowerCase()) {
    words[words.length - 1] = singularKey(words[words.length - 1]);
  }
  return words.join('-');
}

/**
 * A concept's id: `concept:` and the slug of its name (`concept:resnet-50`). The prefix keeps
 * concept ids apart from paper ids, which are whatever their sources say (`bert` is a fine
 * paper id in a JSON Lines file).
 */
export function conceptIdOf(name: string): string {
  return `concept:${slugName(name)}`;
}
