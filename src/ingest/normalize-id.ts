// One spelling per paper identifier, so the same paper named by arXiv, a DOI, OpenAlex or Semantic
// Scholar is recognised as one: `arxiv:2305.14342`, `doi:10.1000/xyz`, `openalex:W123`, `s2:<hex>`.
// `s2corpus:<n>` is a Semantic Scholar corpus id, the only id the S2 datasets' citations carry.

export const ID_SCHEMES = ['arxiv', 'doi', 'openalex', 's2', 'mag', 's2corpus'] as const;
export type IdScheme = (typeof ID_SCHEMES)[number];

/**
 * Which id names a paper's node when it has several: arXiv, then DOI, OpenAlex, Semantic Scholar,
 * and a bare S2 corpus id only when there is nothing else.
 * `mag:` (Microsoft Academic, shared by OpenAlex and S2) only ever joins two records, never names one.
 */
const PREFERENCE: IdScheme[] = ['arxiv', 'doi', 'openalex', 's2', 'mag', 's2corpus'];

const NEW_ARXIV = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
// Old-style ids: `hep-th/9901001`, sometimes written with a subject class (`math.GT/0309136`).
const OLD_ARXIV = /^([a-z-]+)(?:\.[a-z-]+)?\/(\d{7})(?:v\d+)?$/i;
const ARXIV_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/i;
const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\//i;
const DOI = /^10\.\d{4,9}\/\S+$/;
// The DOI arXiv registers for every preprint is the arXiv id in disguise.
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
const OPENALEX = /^(?:https?:\/\/(?:api\.)?openalex\.org\/(?:works\/)?)?(w\d+)$/i;
const S2_HEX = /^[0-9a-f]{40}$/i;
const S2_URL =
  /^https?:\/\/(?:www\.|api\.)?semanticscholar\.org\/(?:graph\/v1\/)?paper\/(?:.*\/)?([0-9a-f]{40})\/?$/i;

function arxivId(raw: string): string | null {
  const s = raw.trim();
  const modern = NEW_ARXIV.exec(s);
  if (modern) return `arxiv:${modern[1]}`;
  const old = OLD_ARXIV.exec(s);
  if (old) return `arxiv:${old[1].toLowerCase()}/${old[2]}`;
  return null;
}

function doiId(raw: string): string | null {
  const s = raw
    .trim()
    .replace(DOI_URL, '')
    .replace(/^doi:\s*/i, '')
    .toLowerCase();
  if (!DOI.test(s)) return null;
  const arxiv = ARXIV_DOI.exec(s);
  return arxiv ? arxivId(arxiv[1]) : `doi:${s}`;
}

function openalexId(raw: string): string | null {
  const match = OPENALEX.exec(raw.trim().replace(/^openalex:/i, ''));
  return match ? `openalex:${match[1].toUpperCase()}` : null;
}

function s2Id(raw: string): string | null {
  const s = raw.trim().replace(/^s2:/i, '');
  const url = S2_URL.exec(s);
  if (url) return `s2:${url[1].toLowerCase()}`;
  return S2_HEX.test(s) ? `s2:${s.toLowerCase()}` : null;
}

function magId(raw: string): string | null {
  const s = raw.trim().replace(/^mag:/i, '');
  return /^\d+$/.test(s) ? `mag:${s}` : null;
}

function s2CorpusId(raw: string): string | null {
  const s = raw.trim().replace(/^s2corpus:/i, '');
  return /^\d+$/.test(s) ? `s2corpus:${s}` : null;
}

const BY_SCHEME: Record<IdScheme, (raw: string) => string | null> = {
  arxiv: (raw) =>
    arxivId(
      raw
        .trim()
        .replace(/^arxiv:/i, '')
        .replace(ARXIV_URL, '$1'),
    ),
  doi: doiId,
  openalex: openalexId,
  s2: s2Id,
  mag: magId,
  s2corpus: s2CorpusId,
};

/**
 * The normalised form of one identifier, or null when it is not one. With `scheme`, `raw` is read
 * as that kind of id (a bare `2305.14342` as arXiv); without, the kind is told from its prefix or
 * URL (`arXiv:`, `doi:`, `https://doi.org/`, `https://openalex.org/W..`, `s2:`, `mag:`) or shape
 * (`10.x/...`, `W123`, 40 hex digits, `2305.14342v2`, `hep-th/9901001`). arXiv versions are dropped,
 * DOIs lower-cased, and arXiv's own DOIs (`10.48550/arXiv.*`) become arXiv ids.
 */
export function normalizeId(raw: string, scheme?: IdScheme): string | null {
  if (scheme) return BY_SCHEME[scheme](raw);
  const s = raw.trim();
  const prefix = /^(arxiv|doi|openalex|s2corpus|s2|mag):/i.exec(s);
  if (prefix) return BY_SCHEME[prefix[1].toLowerCase() as IdScheme](s);
  if (ARXIV_URL.test(s)) return BY_SCHEME.arxiv(s);
  if (DOI_URL.test(s) || DOI.test(s)) return doiId(s);
  return openalexId(s) ?? s2Id(s) ?? arxivId(s);
}

export function schemeOf(id: string): IdScheme | null {
  const scheme = id.slice(0, id.indexOf(':'));
  return (ID_SCHEMES as readonly string[]).includes(scheme) ? (scheme as IdScheme) : null;
}

/** Preference rank of a normalised id: lower names the node. */
export function idRank(id: string): number {
  const scheme = schemeOf(id);
  return scheme === null ? PREFERENCE.length : PREFERENCE.indexOf(scheme);
}

/** The id that names a paper known by `ids` (normalised), or null when there is none. */
export function canonicalId(ids: readonly string[]): string | null {
  const usable = ids.filter((id) => schemeOf(id) !== null && schemeOf(id) !== 'mag');
  if (usable.length === 0) return null;
  return [...usable].sort((a, b) => idRank(a) - idRank(b) || a.localeCompare(b))[0];
}

/** Normalises a list of raw ids (unknown ones dropped), without duplicates, in preference order. */
export function normalizeIds(raw: readonly (string | null | undefined)[]): string[] {
  const ids = new Set<string>();
  for (const value of raw) {
    const id = value ? normalizeId(value) : null;
    if (id) ids.add(id);
  }
  return [...ids].sort((a, b) => idRank(a) - idRank(b) || a.localeCompare(b));
}
