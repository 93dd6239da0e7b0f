// `papergraph import arxiv|openalex|s2`: papers from the services, through the ingest pipeline.
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../local-neo4j/open-database.ts';
import { createSource, type Service } from '../sources/create-source.ts';
import type { PaperSource } from '../sources/paper-source.ts';
import { runImport, type ImportProgress } from '../sources/run-import.ts';
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

export function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description('import papers and their citations from arXiv, OpenAlex or Semantic Scholar');
  const sub = (name: Service, description: string) =>
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

async function runCommand(name: Service, options: ImportOptions) {
  const config = loadConfig();
  let source: PaperSource;
  try {
    source = createSource(name, options, {
      urls: {
        arxiv: config.sources.arxivUrl,
        openalex: config.sources.openalexUrl,
        s2: config.sources.s2Url,
      },
      mailto: config.mailto,
      s2ApiKey: config.sources.s2ApiKey,
      onRetry: (message) => console.error(message),
    });
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
  let summary: Awaited<ReturnType<typeof runImport>>;
  try {
    await applySchema(database.connection);
    summary = await runImport(database.connection, source, {
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
  } catch (error) {
    if (error instanceof SourceError) {
      throw new UserFacingError(
        `${error.message}; run the same command again to resume where it stopped`,
      );
    }
    throw error;
  } finally {
    (bar as SingleBar | null)?.stop();
    await database.close();
  }
  printIngestSummary(summary, { reportSkipped: tty, first: [`pages: ${summary.pages}`] });
}
