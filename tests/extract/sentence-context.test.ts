import { describe, expect, test } from 'vitest';
import { parseText } from '../../src/extract/parse-text.ts';
import { SentenceContext } from '../../src/extract/sentence-context.ts';

// The second sentence starts at field offset 12: its words carry field offsets, not its own.
const [, sentence] = parseText('Prior work. We propose a method, FedSpeed, to train.');
const at = new SentenceContext(sentence);
const word = (text: string) => {
  const found = sentence.words.find((w) => w.text === text);
  if (found === undefined) throw new Error(`no word "${text}"`);
  return found;
};

describe('a sentence context reads the sentence by field offsets', () => {
  test.each([
    {
      title: 'between two words',
      read: () => at.between(word('method'), word('FedSpeed')),
      is: ', ',
    },
    { title: 'all before a word', read: () => at.before(word('method')), is: 'We propose a ' },
    {
      title: 'the last characters before a word',
      read: () => at.before(word('a'), 8),
      is: 'propose ',
    },
    {
      title: 'more characters than there are before',
      read: () => at.before(word('propose'), 40),
      is: 'We ',
    },
    { title: 'all after a word', read: () => at.after(word('FedSpeed')), is: ', to train.' },
    {
      title: 'the first characters after a word',
      read: () => at.after(word('We'), 8),
      is: ' propose',
    },
    {
      title: 'a slice by field offsets',
      read: () => at.slice(word('FedSpeed').start, word('FedSpeed').end),
      is: 'FedSpeed',
    },
    {
      title: 'a slice to the sentence end',
      read: () => at.slice(word('train').start),
      is: 'train.',
    },
  ])('$title', ({ read, is }) => {
    expect(read()).toBe(is);
  });

  test('the sentence starts after the first one', () => {
    expect(at.start).toBe(12);
  });
});
