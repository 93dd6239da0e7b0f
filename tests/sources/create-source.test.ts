import { describe, expect, test } from 'vitest';
import { createSource, type Service, type SourceRequest } from '../../src/sources/create-source.ts';
import { SourceError } from '../../src/sources/source-error.ts';

const SETTINGS = {
  urls: { arxiv: 'http://arxiv.test', openalex: 'http://openalex.test', s2: 'http://s2.test' },
  mailto: null,
  s2ApiKey: null,
};

describe('createSource', () => {
  test.each<{ title: string; service: Service; request: SourceRequest; message: string }>([
    {
      title: 'arXiv with both a query and ids',
      service: 'arxiv',
      request: { query: 'cat:cs.LG', ids: ['2305.14342'] },
      message: 'import arxiv: give exactly one of --query or --ids',
    },
    {
      title: 'OpenAlex with neither',
      service: 'openalex',
      request: {},
      message: 'import openalex: give exactly one of --search or --ids',
    },
    {
      title: 'Semantic Scholar without ids',
      service: 's2',
      request: { search: 'sharpness' },
      message: 'import s2: --ids is required',
    },
  ])('refuses $title, naming the flags', ({ service, request, message }) => {
    expect(() => createSource(service, request, SETTINGS)).toThrow(new SourceError(message));
  });

  test.each<{ service: Service; request: SourceRequest }>([
    { service: 'arxiv', request: { query: 'cat:cs.LG', max: 10 } },
    { service: 'openalex', request: { ids: ['W2741809807'] } },
    { service: 's2', request: { ids: ['arXiv:2305.14342'] } },
  ])('builds the $service source of a well-formed request', ({ service, request }) => {
    expect(createSource(service, request, SETTINGS).name).toBe(service);
  });
});
