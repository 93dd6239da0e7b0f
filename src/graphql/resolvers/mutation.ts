import { validatePaper } from '../../ingest/validate-paper.ts';
import { ingestPapers } from '../../pipeline/ingest-papers.ts';
import { removePapers } from '../../store/remove-papers.ts';
import type { GraphQLContext } from '../context.ts';
import { clientError } from '../errors.ts';
import type { MutationResolvers } from '../generated/resolvers.generated.ts';

/** Most papers one ingestPapers call takes. */
export const MAX_PAPERS_PER_MUTATION = 500;

function requireToken(context: GraphQLContext): void {
  if (!context.mutationsEnabled) {
    throw clientError(
      'FORBIDDEN',
      'mutations are disabled on this server: set PAPERGRAPH_TOKEN to enable them',
    );
  }
  if (!context.authorized) {
    throw clientError(
      'UNAUTHENTICATED',
      'mutations need the header Authorization: Bearer <PAPERGRAPH_TOKEN>',
    );
  }
}

export const Mutation: MutationResolvers = {
  ingestPapers: async (_, { papers, collection }, context) => {
    requireToken(context);
    if (papers.length === 0) throw clientError('BAD_USER_INPUT', 'papers is empty');
    if (papers.length > MAX_PAPERS_PER_MUTATION) {
      throw clientError(
        'BAD_USER_INPUT',
        `at most ${MAX_PAPERS_PER_MUTATION} papers per call, got ${papers.length}`,
      );
    }
    // Validate everything before writing anything: one bad paper refuses the whole call.
    const results = papers.map((paper, i) =>
      validatePaper({ ...paper, source: 'api' }, `papers[${i}]`),
    );
    const problems = results.flatMap((r) =>
      r.kind === 'skipped' ? [`${r.skipped.where}: ${r.skipped.reason}`] : [],
    );
    if (problems.length > 0)
      throw clientError('BAD_USER_INPUT', `invalid input: ${problems.slice(0, 5).join('; ')}`);
    const summary = await ingestPapers(context.connection, results, {
      pool: context.pool ?? undefined,
      workers: 1,
      collection,
    });
    return {
      written: summary.written,
      unchanged: summary.unchanged,
      links: summary.links,
      claims: summary.claims,
      ids: results.flatMap((r) => (r.kind === 'paper' ? [r.paper.id] : [])),
    };
  },
  deletePaper: async (_, { id }, context) => {
    requireToken(context);
    return (await removePapers(context.connection, [id])).length > 0;
  },
};
