import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { zipFiles } from '../../ui/src/data/zip-files.ts';

test('the CSV download is one zip holding both files, byte for byte', () => {
  const files = [
    { name: 'nodes.csv', content: 'Id,Label\r\np1,"Naïve ""quoted"", title"\r\n' },
    { name: 'edges.csv', content: 'Source,Target,Type,Weight\r\np1,concept:adam,Directed,1\r\n' },
  ];
  const unzipped = unzipSync(zipFiles(files));
  expect(
    Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, strFromU8(bytes)])),
  ).toEqual(Object.fromEntries(files.map((f) => [f.name, f.content])));
});
