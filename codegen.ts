import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  ignoreNoDocuments: true,
  // Documents are `graphql(...)` calls alone: tests name their in-process client `gql` and build
  // some queries at run time (limits' probes), which must not be read as documents.
  pluckConfig: { globalGqlIdentifierName: 'graphql' },
  generates: {
    // Server: resolver signatures, with mappers saying what a resolver's parent really is.
    'src/graphql/generated/resolvers.generated.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context.ts#GraphQLContext',
        enumsAsTypes: true,
        useIndexSignature: false,
        strictScalars: true,
        mapperTypeSuffix: 'Model',
        mappers: {
          Paper: '../models.ts#PaperModel',
          Concept: '../../domain.ts#Concept',
          Claim: '../../domain.ts#Claim',
          Evidence: '../../domain.ts#Evidence',
          ConceptLink: '../../store/concept-reads.ts#PaperConceptLink',
          PaperLink: '../../store/concept-reads.ts#ConceptPaperLink',
          Lineage: '../../store/paper-relations.ts#LineageLink',
          WhoUsesEdge: '../models.ts#WhoUsesEdgeModel',
          GraphEdge: '../models.ts#GraphEdgeModel',
          Stats: '../../store/graph-stats.ts#GraphCounts',
          StartingPoint: '../../store/starting-points.ts#StartingPoint',
        },
      },
    },
    // Explorer: typed operations from the documents in ui/src.
    'ui/src/gql/': {
      documents: ['ui/src/**/*.ts', '!ui/src/gql/**'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
    // API tests: typed operations from the `graphql(...)` documents in tests, so a test reads
    // the answer's real shape and a schema change that breaks a test's query fails `tsc`.
    'tests/gql/': {
      documents: ['tests/**/*.ts', '!tests/gql/**'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, importExtension: '.ts' },
      presetConfig: { fragmentMasking: false },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
