// The page's controls around the graph: search, "Who uses", the view's scope, layout and filters,
// and the export buttons. They turn input into view actions and show what the view says; they
// hold no state of their own.
import { byId } from '../dom.ts';
import type { ViewAction } from '../view/next-view.ts';
import { yearOrNull, type LayoutName, type ViewState } from '../view/view-state.ts';
import { createLegend } from './legend.ts';
import { createSearchBox } from './search-box.ts';

export interface ToolbarHandlers {
  dispatch(action: ViewAction): void;
  /** The confidence slider while it moves: the graph filters, the view is not changed yet. */
  previewConfidence(value: number): void;
  fit(): void;
  exportAs(format: 'PNG' | 'JSON' | 'GRAPHML' | 'CSV'): void;
}

export interface Toolbar {
  /** Brings every control to what the view says (after back/forward, a link or an action). */
  show(view: ViewState): void;
  /** The collections with their paper counts, into the scope's list; `current` stays chosen. */
  listCollections(
    collections: readonly { name: string; paperCount: number }[],
    current: string | null,
  ): void;
}

export function createToolbar(handlers: ToolbarHandlers): Toolbar {
  const { dispatch } = handlers;
  const whoInput = byId<HTMLInputElement>('who-uses-input');
  const minConfidence = byId<HTMLInputElement>('min-confidence');
  const minConfidenceValue = byId<HTMLOutputElement>('min-confidence-value');
  const layoutSelect = byId<HTMLSelectElement>('layout-select');
  const collectionSelect = byId<HTMLSelectElement>('collection-select');
  const yearFrom = byId<HTMLInputElement>('year-from');
  const yearTo = byId<HTMLInputElement>('year-to');

  const legend = createLegend(byId('kind-filters'), byId('link-filters'), {
    onKinds: (kinds) => dispatch({ type: 'hideKinds', kinds }),
    onLinks: (links) => dispatch({ type: 'hideLinks', links }),
  });
  // A search hit is drawn with all its links (its neighbourhood), not only those in the view.
  createSearchBox(byId('search'), (hit) => dispatch({ type: 'focus', id: hit.id }));

  byId<HTMLFormElement>('who-uses-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const technique = whoInput.value.trim();
    if (technique) dispatch({ type: 'ask', technique });
  });
  byId('start-view').addEventListener('click', () => dispatch({ type: 'start' }));
  byId('fit-view').addEventListener('click', () => handlers.fit());
  const changeScope = () =>
    dispatch({
      type: 'scope',
      scope: {
        collection: collectionSelect.value || null,
        from: yearOrNull(yearFrom.value),
        to: yearOrNull(yearTo.value),
      },
    });
  for (const control of [collectionSelect, yearFrom, yearTo])
    control.addEventListener('change', changeScope);
  layoutSelect.addEventListener('change', () =>
    dispatch({ type: 'layout', layout: layoutSelect.value as LayoutName }),
  );
  minConfidence.addEventListener('input', () => {
    const value = Number(minConfidence.value);
    minConfidenceValue.value = value.toFixed(2);
    handlers.previewConfidence(value);
  });
  minConfidence.addEventListener('change', () =>
    dispatch({ type: 'minConfidence', value: Number(minConfidence.value) }),
  );
  for (const format of ['PNG', 'JSON', 'GRAPHML', 'CSV'] as const)
    byId(`export-${format.toLowerCase()}`).addEventListener('click', () =>
      handlers.exportAs(format),
    );

  /** A collection the list does not hold yet (from a link) is added, so the view can say it. */
  function showCollection(collection: string | null): void {
    if (collection && ![...collectionSelect.options].some((o) => o.value === collection))
      collectionSelect.add(new Option(collection, collection));
    collectionSelect.value = collection ?? '';
  }

  return {
    show(view) {
      legend.show(view.hiddenKinds, view.hiddenLinks);
      minConfidence.value = String(view.minConfidence);
      minConfidenceValue.value = view.minConfidence.toFixed(2);
      layoutSelect.value = view.layout;
      showCollection(view.scope.collection);
      yearFrom.value = view.scope.from ?? '';
      yearTo.value = view.scope.to ?? '';
      if (view.base.kind === 'who') whoInput.value = view.base.technique;
    },
    listCollections(collections, current) {
      for (const { name, paperCount } of collections) {
        const existing = [...collectionSelect.options].find((o) => o.value === name);
        const label = `${name} (${paperCount.toLocaleString('en')})`;
        if (existing) existing.text = label;
        else collectionSelect.add(new Option(label, name));
      }
      collectionSelect.value = current ?? '';
    },
  };
}
