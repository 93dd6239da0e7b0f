// Stops papergraph (and `npm test`) at once on a Node.js older than package.json's `engines`,
// with a sentence saying what to install, rather than failing later somewhere obscure: the
// GraphQL server's fetch layer and the lint and build tools declare Node 22.15 as their floor.
// Plain JavaScript with no imports beyond Node's own, so it runs on any old Node.
import { createRequire } from 'node:module';

const manifest = createRequire(import.meta.url)('../package.json');
const wanted = /^>=(\d+)\.(\d+)$/.exec(manifest.engines.node);
if (!wanted) throw new Error(`package.json engines.node must read ">=MAJOR.MINOR"`);
const [major, minor] = process.versions.node.split('.').map(Number);
const [needMajor, needMinor] = [Number(wanted[1]), Number(wanted[2])];
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(
    `papergraph needs Node.js ${needMajor}.${needMinor} or newer (Node 22 LTS or later); ` +
      `this is Node.js ${process.versions.node}. Install Node 22, e.g. \`nvm install 22\` ` +
      '(the README’s Prerequisites say how without nvm), then run the command again.',
  );
  process.exit(1);
}
