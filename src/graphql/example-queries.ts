// Saved example queries shown as tabs in GraphiQL at /graphql. Each opens with a comment saying
// what it asks; tests/graphql/example-queries tests hold each comment to its query.

/** Drops the first line break and the indentation the template literals carry in this file. */
function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').trimEnd().split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length),
  );
  return `${lines.map((l) => l.slice(indent)).join('\n')}\n`;
}

export const EXAMPLE_QUERIES: { query: string }[] = [
  /* GraphQL */ `
    # Who uses Adam? Papers that propose, use or compare
    # against it, or build on the paper that proposed it,
    # each with the sentence behind the answer
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
  /* GraphQL */ `
    # Claims of memory savings as typed quantities,
    # each with the paper that makes it
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
  /* GraphQL */ `
    # How big the graph is, and its five most connected concepts
    query GraphStats {
      stats {
        papers
        concepts
        claims
        authors
        topConcepts(first: 5) {
          concept {
            id
            name
            kind
          }
          papers
        }
      }
    }
  `,
  /* GraphQL */ `
    # The graph within two links of Adam, as nodes and
    # edges ready to draw
    query AdamNeighbourhood {
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
  /* GraphQL */ `
    # The first paper (by title) that names Adam: its
    # concepts with roles and evidence, its claims, and
    # the papers it builds on
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
].map((query) => ({ query: dedent(query) }));
