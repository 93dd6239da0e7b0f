import { describe, expect, test } from 'vitest';
import { nameKey } from '../../src/extract/name-key.ts';
import {
  familyByGrammar,
  lexiconEntries,
  lookupLexicon,
  matchLexicon,
  senseSupportOf,
} from '../../src/extract/lexicon.ts';

describe('the lexicon', () => {
  test('no written form belongs to two entries unless every entry having it marks it ambiguous', () => {
    const owners = new Map<string, string[]>();
    for (const entry of lexiconEntries()) {
      for (const form of new Set([entry.name, ...entry.aliases].map(nameKey))) {
        if (entry.ambiguousKeys.has(form)) continue;
        owners.set(form, [...(owners.get(form) ?? []), `${entry.name} (${entry.kind})`]);
      }
    }
    const ambiguous = new Set(lexiconEntries().flatMap((e) => [...e.ambiguousKeys]));
    const collisions = [...owners]
      .filter(([form, names]) => names.length > 1 || ambiguous.has(form))
      .map(([form, names]) => `${form}: ${names.join(', ')}`);
    expect(collisions).toEqual([]);
  });

  test('an ambiguous form has at least two senses', () => {
    const lonely = lexiconEntries().flatMap((entry) =>
      [...entry.ambiguousKeys]
        .filter((key) => lookupLexicon(key).length < 2)
        .map((key) => `${key} (${entry.name})`),
    );
    expect(lonely).toEqual([]);
  });

  test('holds thousands of entries across every kind', () => {
    const kinds = new Set(lexiconEntries().map((e) => e.kind));
    expect(kinds.size).toBe(6);
    expect(lexiconEntries().length).toBeGreaterThan(5000);
  });
});

describe('families by name grammar', () => {
  test.each([
    ['ResNet-50', 'ResNet'],
    ['ResNet-18', 'ResNet'],
    ['Llama 2 70B', 'LLaMA'],
    ['BERT-large', 'BERT'],
    ['ImageNet-1k', 'ImageNet'],
  ])('%s is a variant of %s', (name, family) => {
    const entry = familyByGrammar(name);
    const root = entry?.family ?? entry;
    expect(root?.name).toBe(family);
  });

  test.each(['ResNet', 'Transformer', 'Adam', 'CNN'])('%s has no family', (name) => {
    expect(lookupLexicon(name)[0]?.family ?? null).toBeNull();
  });
});

describe('acronym senses', () => {
  const senses = lexiconEntries().filter((e) => e.ambiguousKeys.size > 0);

  test('an ambiguous form denotes the sense whose cues the paper has, and nothing without', () => {
    const sam = senses.filter((e) => e.ambiguousKeys.has('sam'));
    expect(sam.length).toBeGreaterThanOrEqual(2);
    for (const sense of sam) {
      const text = `We study ${sense.cues[0]} with SAM.`;
      expect(matchLexicon('SAM', false, senseSupportOf(text))?.id).toBe(sense.id);
    }
    expect(matchLexicon('SAM', false, senseSupportOf('We study SAM.'))).toBeNull();
  });
});
