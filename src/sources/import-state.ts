// Where an interrupted import resumes: one small JSON file per import (source + what is imported)
// holding the cursor of the first page not yet fully written. Gone once the import completes.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface ImportState {
  source: string;
  key: string;
  /** Cursor of the next page to fetch; every page before it is in the graph. */
  cursor: string;
  /** Pages and papers already imported, for the resume message. */
  pages: number;
  papers: number;
  updatedAt: string;
}

export function importStatePath(dir: string, source: string, key: string): string {
  const digest = createHash('sha256').update(`${source}\n${key}`).digest('hex').slice(0, 16);
  return path.join(dir, `${source}-${digest}.json`);
}

/** The saved state of this import, or null (none, unreadable, or of another import). */
export async function readImportState(file: string, source: string, key: string) {
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as ImportState;
    return state.source === source && state.key === key && typeof state.cursor === 'string'
      ? state
      : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a state file. */
export async function saveImportState(file: string, state: ImportState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, file);
}

export async function clearImportState(file: string): Promise<void> {
  await rm(file, { force: true });
}
