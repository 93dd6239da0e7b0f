import type { Resolvers } from './generated/resolvers.generated.ts';

export const resolvers: Resolvers = {
  Query: {
    version: () => '0.1.0',
  },
};
