// Named entities only: a concept is a named, specific thing. Generic phrases ("deep neural
// networks", "instance segmentation methods") make no node; they would join unrelated papers.
import type { Candidate, FieldText } from './concept-candidate.ts';
import { lexiconEntryById } from './lexicon.ts';

/**
 * Words that never make a phrase specific: a defined acronym of nothing but these ("Large
 * Language Models (LLMs)", "Deep Learning (DL)") names a field or a scale, not a technique.
 */
const GENERIC_WORDS = new Set(
  (
    'a an the of for and or in on to with by via based deep large small scale scaled neural ' +
    'network networks model models machine learning artificial intelligence general system systems ' +
    'method methods approach approaches technique techniques algorithm algorithms framework ' +
    'frameworks language languages vision visual foundation pretrained pre-trained multimodal ' +
    'multi-modal generative data driven computer computing processing natural text image images ' +
    'video audio speech graph graphs knowledge base bases learner learners agent agents ' +
    'artificial-intelligence architecture architectures task tasks problem problems application ' +
    'applications real-world real world information technology technologies tool tools pre trained ' +
    'multi modal end'
  ).split(' '),
);

/** Names of venues, games and units that look like technique names by their shape. */
const NOT_CONCEPTS =
  /^(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|AAAI|IJCAI|KDD|SIGIR|WWW|MICCAI|Interspeech|ICASSP|arXiv|GitHub|HuggingFace|Hugging Face|StarCraft|Minecraft|YouTube|OpenAI|DeepMind|Google|Microsoft|Meta|Anthropic|NVIDIA|Nvidia|Amazon|Baidu|Alibaba|Tencent|Huawei|dB|kHz|MHz|GHz|GPUs?|CPUs?|TPUs?)$/;

/** A phrase of nothing but generic words: "Large Language Models", "deep neural networks". */
export function isGenericPhrase(phrase: string): boolean {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .every((w) => GENERIC_WORDS.has(w.replace(/s$/, '')) || GENERIC_WORDS.has(w) || w === '');
}

/** True when a merged span is a named concept worth a node. */
export function isNamedConcept(c: Candidate, fields: FieldText[]): boolean {
  if (lexiconEntryById(c.id) !== undefined) return true;
  const surface = (c.field === 'title' ? fields[0] : fields[1]).text.slice(c.start, c.end);
  switch (c.rule) {
    case 'acronym-definition':
      return !isGenericPhrase(c.id);
    default:
      return !NOT_CONCEPTS.test(surface.replace(/['’]s$/, ''));
  }
}
