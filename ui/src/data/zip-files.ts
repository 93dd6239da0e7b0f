import { strToU8, zipSync } from 'fflate';

/** Text files as one zip archive (the CSV export's nodes.csv and edges.csv). */
export function zipFiles(files: { name: string; content: string }[]): Uint8Array<ArrayBuffer> {
  return zipSync(
    Object.fromEntries(files.map((f) => [f.name, strToU8(f.content)])),
  ) as Uint8Array<ArrayBuffer>;
}
