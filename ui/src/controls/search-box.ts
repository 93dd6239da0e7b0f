// The search box: an ARIA combobox whose suggestions come from the `search` query.
import { request, SearchQuery } from '../data/api.ts';
import { h } from '../dom.ts';
import type { SearchQuery as SearchResult } from '../gql/graphql.ts';
import { NODE_LOOKS } from '../graph/graph-style.ts';

export type SearchHit = SearchResult['search'][number];

/** What backs a concept hit: its papers, its family, its variants. */
function hitFacts(hit: SearchHit): HTMLElement | null {
  if (hit.kind === 'PAPER') return null;
  const facts = [`${hit.paperCount ?? 0} paper${hit.paperCount === 1 ? '' : 's'}`];
  if (hit.family) facts.push(`variant of ${hit.family}`);
  if (hit.variants) facts.push(`${hit.variants} variant${hit.variants === 1 ? '' : 's'}`);
  return h('span', { class: 'hit-facts', 'data-testid': 'hit-facts' }, ` · ${facts.join(' · ')}`);
}

export function createSearchBox(
  host: HTMLElement,
  onChoose: (hit: SearchHit) => void,
): HTMLInputElement {
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    placeholder: 'Search papers and concepts (e.g. Sophia, LoRA, ImageNet)',
    autocomplete: 'off',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-options',
  });
  const list = h('ul', {
    id: 'search-options',
    role: 'listbox',
    class: 'suggestions',
    'aria-label': 'Suggestions',
    hidden: true,
  });
  host.replaceChildren(
    h('label', { for: 'search-input', class: 'sr-only' }, 'Search papers and concepts'),
    input,
    list,
  );

  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (hit: SearchHit) => {
    close();
    input.value = hit.label;
    onChoose(hit);
  };
  const highlight = (index: number) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', `search-option-${index}`);
  };
  const show = () => {
    list.replaceChildren(
      ...(hits.length
        ? hits.map((hit, i) =>
            h(
              'li',
              {
                id: `search-option-${i}`,
                role: 'option',
                'aria-selected': 'false',
                'data-id': hit.id,
                'data-kind': hit.kind,
                onmousedown: (e: Event) => {
                  e.preventDefault();
                  choose(hit);
                },
              },
              h(
                'span',
                { class: `badge kind-${hit.kind.toLowerCase()}` },
                NODE_LOOKS[hit.kind].label,
              ),
              ' ',
              h('span', { class: 'hit-label' }, hit.label),
              hit.matched ? h('span', { class: 'hit-matched' }, ` matched “${hit.matched}”`) : null,
              hitFacts(hit),
            ),
          )
        : [h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, 'Nothing found')]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };

  const lookUp = async (text: string) => {
    inFlight?.abort();
    if (text.trim().length < 2) {
      hits = [];
      close();
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    try {
      const data = await request(SearchQuery, { text: text.trim(), first: 10 }, controller.signal);
      if (controller.signal.aborted) return;
      hits = data.search;
      show();
    } catch (error) {
      if (!controller.signal.aborted) {
        hits = [];
        list.replaceChildren(
          h(
            'li',
            { class: 'empty', role: 'option', 'aria-disabled': 'true' },
            (error as Error).message,
          ),
        );
        list.hidden = false;
      }
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookUp(input.value), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      if (list.hidden) show();
      highlight((active + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      highlight(active <= 0 ? hits.length - 1 : active - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active >= 0 ? active : 0];
      if (hit && !list.hidden) choose(hit);
      else void lookUp(input.value);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return input;
}
