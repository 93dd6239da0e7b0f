// The explorer's entry: the style table's colours into CSS, the explorer on the page, and its
// hooks for the browser tests and the benchmark.
import { byId } from './dom.ts';
import { createExplorer } from './explorer.ts';
import { NODE_LOOKS } from './graph/graph-style.ts';
import './styles.css';

for (const [kind, look] of Object.entries(NODE_LOOKS)) {
  document.documentElement.style.setProperty(`--kind-${kind.toLowerCase()}`, look.color);
}

const explorer = createExplorer({
  graph: byId('graph'),
  details: byId('details'),
  notice: byId('notice'),
  status: byId('status'),
  // `?renderer=webgl` asks for Cytoscape's WebGL renderer; the canvas one draws otherwise.
  renderer: new URLSearchParams(location.search).get('renderer') === 'webgl' ? 'webgl' : 'canvas',
});
window.papergraph = explorer.hooks;
explorer.start();
