// What an export format is: the files it writes and the text each node and each edge adds to
// them. Formats are pure; write-graph.ts drives one over any source of nodes and edges.
import type { ExportEdge, ExportNode } from '../store/export-reads.ts';

export interface GraphFormat {
  /** The file nodes are written to, and the file edges are (the same file for one-file formats). */
  nodeFile: string;
  edgeFile: string;
  /** Text that opens each file, before its first node or edge. */
  head(file: string): string;
  node(node: ExportNode): string;
  edge(edge: ExportEdge): string;
  /** Text that closes each file. */
  tail(file: string): string;
}

export const EXPORT_FORMATS = ['graphml', 'csv', 'jsonl'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text without the characters XML 1.0 forbids (control characters but tab, newline and carriage
 * return; lone surrogates; U+FFFE, U+FFFF): tools that read the export would reject the file.
 */
export const stripControl = (text: string) => text.replace(CONTROL, '');
