import { exportView } from '../../export/export-view.ts';
import { toBibtex } from '../../export/to-bibtex.ts';
import { readBibRecords } from '../../store/export-reads.ts';
import { clientError } from '../errors.ts';
import type { QueryResolvers } from '../generated/resolvers.generated.ts';
import { MAX_SLICE_NODES } from './query.ts';

/** Bounds on an exported view: the largest slice the explorer draws, and its links. */
const MAX_VIEW_LINKS = 20_000;
const MAX_BIBTEX_PAPERS = 1000;

function requireAtMost(name: string, ids: readonly string[], max: number): void {
  if (ids.length > max) {
    throw clientError('BAD_USER_INPUT', `at most ${max} ${name} per call, got ${ids.length}`);
  }
}

export const exportQuery: Pick<QueryResolvers, 'exportView' | 'bibtex'> = {
  exportView: async (_, { nodes, links, format }, { connection }) => {
    requireAtMost('nodes', nodes, MAX_SLICE_NODES);
    requireAtMost('links', links, MAX_VIEW_LINKS);
    return exportView(
      connection,
      nodes,
      links,
      format === 'GRAPHML' ? 'graphml' : format === 'CSV' ? 'csv' : 'jsonl',
    );
  },
  bibtex: async (_, { papers }, { connection }) => {
    requireAtMost('papers', papers, MAX_BIBTEX_PAPERS);
    return toBibtex(await readBibRecords(connection, papers));
  },
};
