import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  ignoreNoDocuments: true,
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
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
