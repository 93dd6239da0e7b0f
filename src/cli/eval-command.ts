import type { Command } from 'commander';
import { extractPaper } from '../extract/extract-paper.ts';
import { SCIERC_MAPPING, TDMSCI_MAPPING, createSpanScorer } from '../extract/score-extraction.ts';
import type { SpanScore } from '../extract/score-extraction.ts';
import { readScierc, readTdmsci } from '../ingest/read-eval-corpus.ts';
import type { LabelledDocument } from '../ingest/read-eval-corpus.ts';
import { UserFacingError } from './report-failure.ts';

interface EvalOptions {
  scierc?: string;
  tdmsci?: string;
  json?: boolean;
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'measure the extractor on labelled data: P/R/F1 per type, exact and overlapping spans',
    )
    .option('--scierc <file>', 'a SciERC JSON Lines file (types Method, Material, Task, Metric)')
    .option('--tdmsci <file>', 'a TDMSci CoNLL file (types TASK, DATASET, METRIC)')
    .option('--json', 'print the figures as JSON')
    .action(async (options: EvalOptions) => {
      if ((options.scierc === undefined) === (options.tdmsci === undefined)) {
        throw new UserFacingError('eval needs exactly one of --scierc FILE or --tdmsci FILE');
      }
      const corpus = options.scierc !== undefined ? 'SciERC' : 'TDMSci';
      const documents =
        options.scierc !== undefined ? readScierc(options.scierc) : readTdmsci(options.tdmsci!);
      const scores = await score(documents, options.scierc !== undefined);
      if (options.json === true) console.log(JSON.stringify({ corpus, scores }));
      else printTable(corpus, scores);
    });
}

async function score(
  documents: AsyncIterable<LabelledDocument>,
  scierc: boolean,
): Promise<SpanScore[]> {
  const scorer = createSpanScorer(scierc ? SCIERC_MAPPING : TDMSCI_MAPPING);
  for await (const doc of documents) scorer.add(extractPaper(doc.paper), doc.gold, doc.tokens);
  return scorer.scores();
}

function printTable(corpus: string, scores: SpanScore[]): void {
  const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
  console.log(`${corpus}: precision / recall / F1 (%), exact span and overlapping span`);
  console.log('type        gold   pred |  exact P     R    F1 | overlap P     R    F1');
  for (const s of scores) {
    console.log(
      `${s.type.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(6)} |  ${pct(s.exact.precision)} ${pct(s.exact.recall)} ${pct(s.exact.f1)} |   ${pct(s.overlap.precision)} ${pct(s.overlap.recall)} ${pct(s.overlap.f1)}`,
    );
  }
}
