// Saved example queries shown as tabs in GraphiQL at /graphql.
export const EXAMPLE_QUERIES = [
  {
    query: /* GraphQL */ `
      # Which papers use Adam, and the sentence behind each answer?
      query WhoUsesAdam {
        whoUses(technique: "Adam", first: 10) {
          technique {
            id
            name
            aliases
            paperCount
          }
          totalCount
          edges {
            relation
            roles
            confidence
            node {
              id
              title
            }
            evidence {
              sentence
              text
              rule
              confidence
            }
            through {
              title
            }
          }
        }
      }
    `,
  },
  {
    query: /* GraphQL */ `
      # Efficiency claims about memory, as typed quantities
      query MemoryClaims {
        claims(kind: MEMORY, first: 20) {
          totalCount
          edges {
            node {
              kind
              value
              low
              high
              unit
              hardware
              baseline
              text
              paper {
                title
              }
            }
          }
        }
      }
    `,
  },
  {
    query: /* GraphQL */ `
      # The neighbourhood of the most connected concept, ready to draw
      query Neighbourhood {
        stats {
          papers
          concepts
          claims
          topConcepts(first: 1) {
            concept {
              id
              name
            }
            papers
          }
        }
        neighborhood(id: "concept:adam", depth: 2, limit: 100) {
          truncated
          nodes {
            id
            kind
            label
            degree
          }
          edges {
            source
            target
            type
            role
            confidence
            evidence {
              sentence
            }
          }
        }
      }
    `,
  },
  {
    query: /* GraphQL */ `
      # A paper with its concepts, roles and evidence
      query PaperDetails {
        papers(filter: { concept: "Adam" }, first: 1) {
          edges {
            node {
              title
              concepts {
                type
                role
                confidence
                concept {
                  name
                  kind
                }
                evidence {
                  sentence
                  start
                  end
                }
              }
              claims {
                kind
                value
                unit
                hardware
              }
              buildsOn {
                paper {
                  title
                }
                via {
                  name
                }
              }
            }
          }
        }
      }
    `,
  },
];
