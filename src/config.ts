// The only reader of process.env: validates it once and hands out a frozen Config.
import path from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const envSchema = z.object({
  /** Where the local Neo4j keeps its data, pid file and log. @default .papergraph */
  PAPERGRAPH_DATA_DIR: z.string().min(1).default('.papergraph'),
  /** Bolt port of the local Neo4j. @default 7687 */
  PAPERGRAPH_BOLT_PORT: port(7687),
  /** Page cache of the local Neo4j, in MB. @default 256 */
  PAPERGRAPH_PAGECACHE_MB: z.coerce.number().int().min(16).default(256),
  /** Java heap of the local Neo4j, in MB. @default 1024 */
  PAPERGRAPH_HEAP_MB: z.coerce.number().int().min(128).default(1024),
  /** An existing Neo4j to use instead of the local one, e.g. `neo4j+s://xxx.databases.neo4j.io`. */
  NEO4J_URI: z.string().url().optional(),
  /** @default neo4j */
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  /** @default neo4j */
  NEO4J_DATABASE: z.string().default('neo4j'),
  /** HTTP port of the API and UI. @default 4000 */
  PORT: port(4000),
  /** Address the server binds to. @default 127.0.0.1 */
  HOST: z.string().default('127.0.0.1'),
  /** Bearer token that enables mutations; absent means mutations are off. */
  PAPERGRAPH_TOKEN: z.string().min(16).optional(),
  /** Corpus loaded into an empty graph on `npm start`; `off` starts with no seed. @default seed */
  PAPERGRAPH_SEED: z.string().default('seed'),
  /** Comma-separated origins allowed to call the API from a browser; unset = same origin only. */
  PAPERGRAPH_CORS_ORIGINS: z.string().optional(),
  /**
   * How long the server answers a repeated query from memory, in ms; 0 turns the cache off.
   * Mutations through the API empty it; writes from another process show within this time.
   * @default 30000
   */
  PAPERGRAPH_RESPONSE_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** Contact address sent to arXiv, OpenAlex and Semantic Scholar (User-Agent, OpenAlex `mailto`). */
  PAPERGRAPH_MAILTO: z.string().email().optional(),
  /** Semantic Scholar API key (`x-api-key`); without one the shared, slower rate limit applies. */
  S2_API_KEY: z.string().min(1).optional(),
  /** @default https://export.arxiv.org/api/query */
  PAPERGRAPH_ARXIV_URL: z.string().url().default('https://export.arxiv.org/api/query'),
  /** @default https://api.openalex.org */
  PAPERGRAPH_OPENALEX_URL: z.string().url().default('https://api.openalex.org'),
  /** @default https://api.semanticscholar.org/graph/v1 */
  PAPERGRAPH_S2_URL: z.string().url().default('https://api.semanticscholar.org/graph/v1'),
});

export interface Config {
  dataDir: string;
  boltPort: number;
  pageCacheMb: number;
  heapMb: number;
  /** Set when the user points papergraph at their own Neo4j; then nothing local starts. */
  external: { uri: string; user: string; password: string | undefined } | null;
  database: string;
  port: number;
  host: string;
  token: string | null;
  /** The seed corpus, or null when PAPERGRAPH_SEED is `off`. */
  seedPath: string | null;
  corsOrigins: string[];
  /** Response cache lifetime in ms; 0 = off. */
  responseCacheMs: number;
  /** Contact address for the services papers are imported from; null when unset. */
  mailto: string | null;
  /** Base URLs of the services `papergraph import` reads, and the Semantic Scholar API key. */
  sources: { arxivUrl: string; openalexUrl: string; s2Url: string; s2ApiKey: string | null };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    dataDir: path.resolve(e.PAPERGRAPH_DATA_DIR),
    boltPort: e.PAPERGRAPH_BOLT_PORT,
    pageCacheMb: e.PAPERGRAPH_PAGECACHE_MB,
    heapMb: e.PAPERGRAPH_HEAP_MB,
    external: e.NEO4J_URI
      ? Object.freeze({ uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD })
      : null,
    database: e.NEO4J_DATABASE,
    port: e.PORT,
    host: e.HOST,
    token: e.PAPERGRAPH_TOKEN ?? null,
    seedPath: e.PAPERGRAPH_SEED === 'off' ? null : path.resolve(e.PAPERGRAPH_SEED),
    corsOrigins: (e.PAPERGRAPH_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    responseCacheMs: e.PAPERGRAPH_RESPONSE_CACHE_MS,
    mailto: e.PAPERGRAPH_MAILTO ?? null,
    sources: Object.freeze({
      arxivUrl: e.PAPERGRAPH_ARXIV_URL,
      openalexUrl: e.PAPERGRAPH_OPENALEX_URL,
      s2Url: e.PAPERGRAPH_S2_URL,
      s2ApiKey: e.S2_API_KEY ?? null,
    }),
  });
}
