import { statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.ts';
import { CONCEPT_KINDS, ROLES, type ConceptKind, type Role } from '../domain.ts';
import { exportGraph } from '../export/export-graph.ts';
import { exportWhoUses } from '../export/export-who-uses.ts';
import { EXPORT_FORMATS, type ExportFormatName } from '../export/graph-format.ts';
import { openDatabase } from '../local-neo4j/open-database.ts';
import { parsePositiveInt } from './parse-options.ts';
import { UserFacingError } from './report-failure.ts';

const FORMATS = [...EXPORT_FORMATS, 'bibtex'] as const;

function listOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): T[] => {
    const items = value
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean);
    const wrong = items.filter((v) => !(allowed as readonly string[]).includes(v));
    if (wrong.length || items.length === 0) {
      throw new InvalidArgumentError(
        `expected ${what} from ${allowed.join(', ')}, comma-separated`,
      );
    }
    return items as T[];
  };
}

function parseExportFormat(value: string): (typeof FORMATS)[number] {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}`);
  }
  return value as (typeof FORMATS)[number];
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InvalidArgumentError('expected a four-digit year');
  }
  return year;
}

interface ExportCommandOptions {
  format: (typeof FORMATS)[number];
  collection?: string;
  kinds?: ConceptKind[];
  minPapers?: number;
  since?: number;
  projection?: 'concepts';
  whoUses?: string;
  roles?: Role[];
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'write the graph, or a filtered part of it, as GraphML, CSV (nodes.csv and edges.csv) or JSON Lines; or the papers of a whoUses answer as BibTeX',
    )
    .argument('<out>', 'the file to write (a directory for csv)')
    .requiredOption('--format <format>', FORMATS.join(' | '), parseExportFormat)
    .option('--collection <name>', 'only the papers of this collection')
    .option(
      '--kinds <kinds>',
      `concept kinds to include (${CONCEPT_KINDS.join(',')})`,
      listOf(CONCEPT_KINDS, 'kinds'),
    )
    .option(
      '--min-papers <n>',
      'only concepts that at least n exported papers link directly',
      parsePositiveInt,
    )
    .option('--since <year>', 'only papers of this year or later', parseYear)
    .option(
      '--projection <projection>',
      'concepts: concept nodes with co-use and lineage edges',
      (v) => {
        if (v !== 'concepts') throw new InvalidArgumentError('expected concepts');
        return v;
      },
    )
    .option('--who-uses <name>', 'with --format bibtex: the papers that answer "who uses <name>?"')
    .option(
      '--roles <roles>',
      `with --who-uses: only papers with these roles (${ROLES.join(',')})`,
      listOf(ROLES, 'roles'),
    )
    .action(async (out: string, options: ExportCommandOptions) => {
      const bibtex = options.format === 'bibtex';
      if (bibtex !== (options.whoUses !== undefined)) {
        throw new UserFacingError('--format bibtex and --who-uses <name> go together');
      }
      const target = path.resolve(out);
      const parent = path.dirname(target);
      if (!statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
        throw new UserFacingError(`cannot write ${out}: ${parent} is not a directory`);
      }
      if (options.format !== 'csv' && statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
        throw new UserFacingError(`cannot write ${out}: it is a directory (only csv writes one)`);
      }
      const database = await openDatabase(loadConfig(), {
        startLocal: true,
        log: (l) => console.error(l),
      });
      try {
        if (bibtex) {
          const { technique, papers } = await exportWhoUses(
            database.connection,
            options.whoUses!,
            options.roles ?? null,
            target,
            {
              collection: options.collection ?? null,
              publishedFrom: options.since === undefined ? null : String(options.since),
            },
          );
          if (technique === null) {
            throw new UserFacingError(`no concept is called "${options.whoUses}"; nothing written`);
          }
          console.error(`export: ${papers} papers that use ${technique} -> ${out}`);
          return;
        }
        let lastLine = Date.now();
        const counts = await exportGraph(database.connection, {
          format: options.format as ExportFormatName,
          filter: {
            kinds: options.kinds ?? CONCEPT_KINDS,
            minPapers: options.minPapers ?? null,
            since: options.since ?? null,
            collection: options.collection ?? null,
          },
          projection: options.projection ?? null,
          out: target,
          onProgress: (c) => {
            if (Date.now() - lastLine < 2000) return;
            lastLine = Date.now();
            console.error(`export: ${c.nodes} nodes, ${c.edges} edges`);
          },
        });
        console.error(`export: ${counts.nodes} nodes and ${counts.edges} edges -> ${out}`);
      } finally {
        await database.close();
      }
    });
}
