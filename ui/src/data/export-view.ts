// Exports of what the explorer shows, for other tools: the view as GraphML or CSV (nodes.csv and
// edges.csv in a zip), made by the server's exporter, and a whoUses answer as BibTeX.
import { ApiError, request } from './api.ts';
import { h } from '../dom.ts';
import { graphql } from '../gql/index.ts';
import type { ExportFormat } from '../gql/graphql.ts';
import { zipFiles } from './zip-files.ts';

export const ExportViewQuery = graphql(`
  query ExportView($nodes: [ID!]!, $links: [ID!]!, $format: ExportFormat!) {
    exportView(nodes: $nodes, links: $links, format: $format) {
      name
      content
    }
  }
`);

export const BibtexQuery = graphql(`
  query Bibtex($papers: [ID!]!) {
    bibtex(papers: $papers)
  }
`);

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface ViewElement {
  group: string;
  data: { id: string; source?: string; type?: string; target?: string };
}

/**
 * The server's id of a drawn link: a who-uses answer draws its links under ids of its own, from
 * which the link's ends and type give the server's id (lineage, which also needs its concept, is
 * then left out).
 */
const linkIdOf = ({ data }: ViewElement) =>
  data.id.startsWith('who:') ? `${data.source}|${data.type}|${data.target}` : data.id;

/** The view's nodes and links as one download: GraphML as one file, CSV's two files zipped. */
export async function exportViewAs(
  format: Extract<ExportFormat, 'GRAPHML' | 'CSV'>,
  elements: ViewElement[],
): Promise<void> {
  const { exportView } = await request(ExportViewQuery, {
    nodes: elements.filter((e) => e.group === 'nodes').map((e) => e.data.id),
    links: elements.filter((e) => e.group === 'edges').map(linkIdOf),
    format,
  });
  if (format === 'CSV') {
    download(new Blob([zipFiles(exportView)], { type: 'application/zip' }), 'papergraph-csv.zip');
  } else {
    const [file] = exportView;
    download(new Blob([file.content], { type: 'application/graphml+xml' }), file.name);
  }
}

/** A button that saves these papers (a whoUses answer) as BibTeX, named after the technique. */
export function bibtexButton(paperIds: string[], technique: string): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: 'link-button', 'data-testid': 'who-bibtex' },
    'BibTeX',
  );
  button.title = `Save these ${paperIds.length} papers as BibTeX for a reference manager`;
  button.addEventListener('click', async () => {
    try {
      const { bibtex } = await request(BibtexQuery, { papers: paperIds });
      const slug = technique
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      download(
        new Blob([bibtex], { type: 'application/x-bibtex' }),
        `who-uses-${slug || 'answer'}.bib`,
      );
    } catch (error) {
      button.textContent = `BibTeX failed: ${error instanceof ApiError ? error.message : String(error)}`;
    }
  });
  return button;
}
