// `papergraph export --who-uses NAME --format bibtex`: every paper of a whoUses answer as BibTeX.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { renameSync, rmSync } from 'node:fs';
import type { Role } from '../domain.ts';
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import { readBibRecords } from '../store/export-reads.ts';
import type { PaperScope } from '../store/paper-scope.ts';
import { whoUses } from '../store/who-uses.ts';
import { toBibtex } from './to-bibtex.ts';

/** Answers read per request. */
const PAGE = 500;

/**
 * Writes the BibTeX of every paper that answers "who uses `name`?" (with `roles`, as whoUses
 * takes them; within `scope`) to `out`, in the answer's order. Returns the technique the name resolved to (null
 * when none: nothing is written) and the number of entries.
 */
export async function exportWhoUses(
  connection: Neo4jConnection,
  name: string,
  roles: Role[] | null,
  out: string,
  scope: PaperScope = {},
): Promise<{ technique: string | null; papers: number }> {
  const partial = `${out}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8' });
  const keys = new Set<string>();
  const seen = new Set<string>();
  let technique: string | null;
  try {
    for (let offset = 0; ; offset += PAGE) {
      const answer = await whoUses(connection, name, roles, PAGE, offset, scope);
      technique = answer.technique?.name ?? null;
      const ids = answer.page.items.map((item) => item.paper.id).filter((id) => !seen.has(id));
      for (const id of ids) seen.add(id);
      const text = toBibtex(await readBibRecords(connection, ids), keys);
      if (text && !stream.write(`${text}\n`)) await once(stream, 'drain');
      if (!answer.page.hasNextPage) break;
    }
    stream.end();
    await once(stream, 'finish');
    if (technique === null) return { technique, papers: 0 };
    renameSync(partial, out);
    return { technique, papers: keys.size };
  } finally {
    stream.destroy();
    rmSync(partial, { force: true });
  }
}
