// Posts GraphQL documents to an app in-process (`app.fetch`), answering with the document's typed
// data: the typed documents come from `graphql(...)` in the tests, generated into tests/gql.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { App } from '../../src/app.ts';

export interface GraphQLAnswer<TData> {
  data?: TData | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface GraphQLClient {
  <TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<TData>>;
  /** A query built at run time (a limit's probe): its data has no static type. */
  (
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<unknown>>;
}

export function createGraphQLClient(app: App): GraphQLClient {
  return async (
    document: TypedDocumentNode | string,
    variables: unknown = {},
    headers: Record<string, string> = {},
  ) => {
    const response = await app.fetch('http://papergraph/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: typeof document === 'string' ? document : print(document),
        variables,
      }),
    });
    return (await response.json()) as GraphQLAnswer<never>;
  };
}
