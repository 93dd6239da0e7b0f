// `papergraph import arxiv|openalex|s2`: papers from the services, through the ingest pipeline.
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../local-neo4j/open-database.ts';
import { arxivSource } from '../sources/arxiv-source.ts';
import { openAlexSource } from '../sources/openalex-source.ts';
import type { PaperSource } from '../sources/paper-source.ts';
import { createPoliteFetch, type PoliteFetchOptions } from '../sources/polite-fetch.ts';
import { runImport, type ImportProgress } from '../sources/run-import.ts';
import { s2Source } from '../sources/s2-source.ts';
import { printIngestSummary } from './print-ingest-summary.ts';
import { SourceError } from '../sources/source-error.ts';
import { applySchema } from '../store/apply-schema.ts';
import { addPipelineOptions, parsePositiveInt } from './parse-options.ts';
import { UserFacingError } from './report-failure.ts';

interface ImportOptions {
  query?: string;
  search?: string;
  ids?: string[];
  max?: number;
  batchSize: number;
  workers: number;
  restart?: boolean;
}

const parseIds = (value: string): string[] => {
  const ids = value
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw new InvalidArgumentError('expected one or more comma-separated ids');
  return ids;
};

/** Per service: the least time between requests its documentation asks for. */
const INTERVAL_MS = { arxiv: 3000, openalex: 100, s2: 1000 } as const;

function userAgent(config: Config): string {
  return config.mailto ? `papergraph/0.1 (mailto:${config.mailto})` : 'papergraph/0.1';
}

function politeFetch(config: Config, service: string, extra: Partial<PoliteFetchOptions> = {}) {
  return createPoliteFetch({
    service,
    userAgent: userAgent(config),
    onRetry: (message) => console.error(message),
    ...extra,
  });
}

function buildSource(name: 'arxiv' | 'openalex' | 's2', options: ImportOptions, config: Config) {
  const { sources } = config;
  const one = (a: unknown, b: unknown, flags: string) => {
    if ((a === undefined) === (b === undefined)) {
      throw new UserFacingError(`import ${name}: give exactly one of ${flags}`);
    }
  };
  let source: PaperSource;
  if (name === 'arxiv') {
    one(options.query, options.ids, '--query or --ids');
    source = arxivSource(options.ids ? { ids: options.ids } : { query: options.query ?? '' }, {
      baseUrl: sources.arxivUrl,
      fetch: politeFetch(config, 'arXiv', { minIntervalMs: INTERVAL_MS.arxiv }),
      max: options.max,
    });
  } else if (name === 'openalex') {
    one(options.search, options.ids, '--search or --ids');
    source = openAlexSource(options.ids ? { ids: options.ids } : { search: options.search ?? '' }, {
      baseUrl: sources.openalexUrl,
      fetch: politeFetch(config, 'OpenAlex', { minIntervalMs: INTERVAL_MS.openalex }),
      mailto: config.mailto,
      max: options.max,
    });
  } else {
    if (!options.ids) throw new UserFacingError('import s2: --ids is required');
    source = s2Source(
      { ids: options.ids },
      {
        baseUrl: sources.s2Url,
        fetch: politeFetch(config, 'Semantic Scholar', {
          minIntervalMs: INTERVAL_MS.s2,
          headers: sources.s2ApiKey ? { 'x-api-key': sources.s2ApiKey } : {},
        }),
      },
    );
  }
  return source;
}

export function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description('import papers and their citations from arXiv, OpenAlex or Semantic Scholar');
  const sub = (name: 'arxiv' | 'openalex' | 's2', description: string) =>
    addPipelineOptions(command.command(name))
      .description(description)
      .option('--ids <ids>', 'comma-separated paper ids', parseIds)
      .option('--restart', 'ignore an interrupted import of the same request and start over')
      .action(async (options: ImportOptions) => runCommand(name, options));
  sub('arxiv', 'arXiv API: --query "cat:cs.LG AND ti:optimizer" or --ids 2305.14342,1706.03762')
    .option('--query <q>', 'arXiv search query (arXiv API syntax)')
    .option('--max <n>', 'most papers the query imports', parsePositiveInt, 500);
  sub('openalex', 'OpenAlex works: --search "sharpness aware" or --ids W2741809807,...')
    .option('--search <q>', 'full-text search of OpenAlex works')
    .option('--max <n>', 'most papers the search imports', parsePositiveInt, 500);
  sub('s2', 'Semantic Scholar: --ids with S2 paper ids, arXiv ids or DOIs');
}

async function runCommand(name: 'arxiv' | 'openalex' | 's2', options: ImportOptions) {
  const config = loadConfig();
  let source: PaperSource;
  try {
    source = buildSource(name, options, config);
  } catch (error) {
    throw error instanceof SourceError ? new UserFacingError(error.message) : error;
  }
  const database = await openDatabase(config, { startLocal: true, log: (l) => console.error(l) });
  const tty = process.stderr.isTTY === true;
  let bar: SingleBar | null = null;
  let lastLine = 0;
  const onProgress = (p: ImportProgress) => {
    const value = p.written + p.unchanged + p.skipped;
    if (tty) {
      if (!bar) {
        bar = new SingleBar(
          {
            format: `import ${name} [{bar}] {value}/{total} papers | page {pages} | written {written} | skipped {skipped}`,
            stream: process.stderr,
          },
          Presets.shades_classic,
        );
        bar.start(p.total ?? value, 0, { pages: 0, written: 0, skipped: 0 });
      }
      bar.setTotal(Math.max(p.total ?? value, value));
      bar.update(value, { pages: p.pages, written: p.written, skipped: p.skipped });
    } else if (Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      console.error(
        `import ${name}: page ${p.pages}, ${value}${p.total ? `/${p.total}` : ''} papers, ${p.written} written, ${p.skipped} skipped`,
      );
    }
  };
  const stop = () => (bar as SingleBar | null)?.stop();
  try {
    await applySchema(database.connection);
    const summary = await runImport(database.connection, source, {
      stateDir: path.join(config.dataDir, 'imports'),
      restart: options.restart,
      batchSize: options.batchSize,
      workers: options.workers,
      onResume: (papers, pages) =>
        console.error(
          `import ${name}: resuming after ${pages} pages (${papers} papers) of an interrupted run; --restart starts over`,
        ),
      onProgress,
      onSkipped: (record) => {
        if (!tty) console.error(`skipped ${record.where}: ${record.reason}`);
      },
    });
    stop();
    printIngestSummary(summary, { reportSkipped: tty, first: [`pages: ${summary.pages}`] });
  } catch (error) {
    stop();
    if (error instanceof SourceError) {
      throw new UserFacingError(
        `${error.message}; run the same command again to resume where it stopped`,
      );
    }
    throw error;
  } finally {
    stop();
    await database.close();
  }
}
