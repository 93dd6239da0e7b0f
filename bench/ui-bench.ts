// Explorer benchmark (not a timed test), in headless Debian Chromium: time from request to a
// laid-out, painted graph for neighbourhoods of ~500 and ~3,000 elements, and frame times while
// panning the larger one. The slices are synthetic, served through the real schema by a stub
// GraphQL server (no database), so only the explorer and the browser are measured.
// Usage: npm run bench:ui -- [--runs N] [--screenshots DIR] [--json]
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createSchema, createYoga } from 'graphql-yoga';
import { loadTypeDefs } from '../src/graphql/load-type-defs.ts';
import { findFreePort } from '../src/local-neo4j/local-neo4j.ts';
import { ensureUiBuilt } from '../src/ui-assets/ensure-ui-built.ts';
import { serveUiPlugin } from '../src/ui-assets/serve-ui.ts';
import type {} from '../ui/src/page-hooks.ts';
import type { GraphSlice } from '../ui/src/slice-to-elements.ts';
import { seededRandom } from './synthetic-corpus.ts';
import { launchChromium } from '../tests/support/launch-chromium.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    /** Save a screenshot of each laid-out graph in this folder. */
    screenshots: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(values.runs));
const SIZES = [500, 3000];
const TARGET_MS: Record<number, number> = { 500: 1000, 3000: 4000 };
const PAN_FRAMES = 180;
const log = (line: string) => {
  if (!values.json) console.log(line);
};

const CONCEPT_KINDS = ['METHOD', 'MODEL', 'DATASET', 'TASK', 'METRIC', 'HARDWARE'] as const;
const LINKS = [
  'USES',
  'USES',
  'USES',
  'COMPARES',
  'EVALUATES_ON',
  'ADDRESSES',
  'PROPOSES',
] as const;

/**
 * A paper-concept neighbourhood of about `elements` nodes plus edges (one node per two edges),
 * shaped like the real graph: papers link to concepts, a few concepts are hubs (skewed picks),
 * and every edge carries an evidence sentence.
 */
export function syntheticSlice(elements: number, seed: number): GraphSlice {
  const next = seededRandom(seed);
  const nodeCount = Math.round(elements / 3);
  const edgeCount = elements - nodeCount;
  const papers = Math.round(nodeCount * 0.45);
  const nodes: GraphSlice['nodes'] = [];
  for (let i = 0; i < papers; i++) {
    nodes.push({ id: `p${i}`, kind: 'PAPER', label: `A Synthetic Paper on Topic ${i}`, degree: 0 });
  }
  for (let i = papers; i < nodeCount; i++) {
    const kind = CONCEPT_KINDS[Math.floor(next() * CONCEPT_KINDS.length)];
    nodes.push({ id: `c${i}`, kind, label: `${kind.toLowerCase()} ${i}`, degree: 0 });
  }
  const edges: GraphSlice['edges'] = [];
  const seen = new Set<string>();
  while (edges.length < edgeCount) {
    const paper = Math.floor(next() * papers);
    // Squaring skews the picks towards the first concepts: hubs, as in real neighbourhoods.
    const concept = papers + Math.floor(next() ** 2 * (nodeCount - papers));
    const type = LINKS[Math.floor(next() * LINKS.length)];
    const id = `p${paper}|${type}|c${concept}`;
    if (seen.has(id)) continue;
    seen.add(id);
    nodes[paper].degree++;
    nodes[concept].degree++;
    const text = nodes[concept].label;
    const sentence = `We evaluate our approach against ${text} on several benchmarks and report consistent gains.`;
    edges.push({
      id,
      source: `p${paper}`,
      target: `c${concept}`,
      type,
      role: type === 'USES' || type === 'COMPARES' || type === 'PROPOSES' ? type : null,
      confidence: Math.round((0.5 + next() * 0.5) * 100) / 100,
      evidence: [
        {
          sentence,
          field: 'ABSTRACT',
          start: 34,
          end: 34 + text.length,
          text,
          rule: 'synthetic',
          confidence: 0.8,
        },
      ],
    });
  }
  return { nodes, edges, truncated: false };
}

function stubApp(distDir: string) {
  return createYoga({
    schema: createSchema({
      typeDefs: loadTypeDefs(),
      resolvers: {
        Query: {
          // `bench:<elements>:<run>`: the run number only defeats the page's cache.
          neighborhood: (_: unknown, args: { id: string }) => {
            const [, size, run] = args.id.split(':');
            return syntheticSlice(Number(size), Number(size) * 1000 + Number(run ?? 0));
          },
          overview: () => syntheticSlice(60, 1),
        },
      },
    }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    plugins: [serveUiPlugin(distDir)],
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const server = createServer(stubApp(await ensureUiBuilt(log)));
const port = await findFreePort();
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
const browser = await launchChromium();
const results: Record<string, unknown> = {};
let pass = true;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(() => window.papergraph.settled());
  log(
    'synthetic slices from a stub GraphQL server (no database); headless Chromium, software rendering',
  );

  for (const size of SIZES) {
    const runs: number[] = [];
    // One warm-up run (first layout of a size compiles and allocates), then the timed runs.
    for (let run = 0; run <= RUNS; run++) {
      const ms = await page.evaluate(async (search) => {
        const started = performance.now();
        await window.papergraph.navigate(search);
        await window.papergraph.settled();
        return performance.now() - started;
      }, `?at=bench:${size}:${run}`);
      if (run > 0) runs.push(Math.round(ms));
    }
    const count = await page.evaluate(() => window.papergraph.count());
    if (values.screenshots) {
      await page.screenshot({ path: `${values.screenshots}/ui-bench-${size}.png` });
    }
    const ms = median(runs);
    const ok = ms <= TARGET_MS[size];
    pass &&= ok;
    results[`elements${size}`] = {
      elements: count.nodes + count.edges,
      nodes: count.nodes,
      edges: count.edges,
      medianMs: ms,
      runsMs: runs,
      targetMs: TARGET_MS[size],
      ok,
    };
    log(
      `~${size} elements (${count.nodes} nodes, ${count.edges} links): request to painted layout ` +
        `median ${ms} ms over ${RUNS} runs [${runs.join(', ')}], target <= ${TARGET_MS[size]} ms ${ok ? 'ok' : 'MISSED'}`,
    );
  }

  // Pan the ~3,000-element graph as a user does, dragging the background with the mouse, while
  // the page records when each frame starts. Strings, not functions: tsx would wrap named
  // closures in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    function record(t) {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(record);
    }
    requestAnimationFrame(record);
  })()`);
  const box = (await page.locator('#graph').boundingBox())!;
  const start = { x: box.x + 12, y: box.y + 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= PAN_FRAMES; i++) {
    const t = (i / PAN_FRAMES) * 2 * Math.PI;
    await page.mouse.move(start.x + 150 * Math.sin(t), start.y + 100 * Math.sin(2 * t));
  }
  await page.mouse.up();
  const frames = (await page.evaluate(`(() => {
    window.__recording = false;
    const times = window.__frames;
    return times.slice(1).map((t, k) => t - times[k]);
  })()`)) as number[];
  const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
  results.pan3000 = {
    frames: frames.length,
    meanFrameMs: Math.round(mean * 10) / 10,
    p95FrameMs: Math.round(percentile(frames, 0.95) * 10) / 10,
    maxFrameMs: Math.round(Math.max(...frames) * 10) / 10,
    fps: Math.round(1000 / mean),
  };
  log(
    `panning ~3000 elements (mouse drag): mean frame ${mean.toFixed(1)} ms (${Math.round(1000 / mean)} fps), ` +
      `p95 ${percentile(frames, 0.95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms over ${frames.length} frames`,
  );
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}

if (values.json) {
  console.log(
    JSON.stringify({
      bench: 'ui',
      source:
        'synthetic slices served through the real schema by a stub GraphQL server (no database)',
      browser: 'headless Debian Chromium, --disable-gpu',
      runs: RUNS,
      ...results,
      pass,
    }),
  );
}
process.exitCode = pass ? 0 : 1;
