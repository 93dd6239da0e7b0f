import type { Resolvers } from '../generated/resolvers.generated.ts';
import { exportQuery } from './export-query.ts';
import { Mutation } from './mutation.ts';
import { Query } from './query.ts';
import { typeResolvers } from './types.ts';

export const resolvers: Resolvers = {
  Query: { ...Query, ...exportQuery },
  Mutation,
  ...typeResolvers,
};
