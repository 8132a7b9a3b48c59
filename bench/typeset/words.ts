import type { Random } from './random.js';

// Plain English of technical reports: no characters that need escaping in LaTeX, HTML or Markdown.
const NOUNS = [
  'model',
  'method',
  'system',
  'dataset',
  'baseline',
  'sample',
  'result',
  'network',
  'process',
  'signal',
  'measurement',
  'sensor',
  'survey',
  'network',
  'pipeline',
  'parameter',
  'estimate',
  'error',
  'budget',
  'schedule',
  'report',
  'committee',
  'region',
  'market',
  'policy',
  'protocol',
  'experiment',
  'treatment',
  'patient',
  'cohort',
  'variable',
  'feature',
  'layer',
  'server',
  'request',
  'response',
  'query',
  'index',
  'cluster',
  'storage',
  'device',
  'battery',
  'circuit',
  'material',
  'surface',
  'temperature',
  'pressure',
  'volume',
  'growth',
  'revenue',
  'cost',
  'benchmark',
  'workload',
  'algorithm',
  'framework',
  'interface',
  'component',
  'module',
  'design',
  'prototype',
  'evaluation',
  'analysis',
  'distribution',
  'variance',
  'threshold',
  'interval',
  'window',
  'sequence',
  'document',
  'table',
  'record',
  'archive',
  'library',
];
const ADJECTIVES = [
  'robust',
  'simple',
  'efficient',
  'large',
  'small',
  'stable',
  'linear',
  'annual',
  'regional',
  'typical',
  'standard',
  'careful',
  'detailed',
  'modest',
  'significant',
  'consistent',
  'previous',
  'recent',
  'novel',
  'practical',
  'formal',
  'empirical',
  'numerical',
  'public',
  'private',
  'shared',
  'local',
  'global',
  'early',
  'final',
  'initial',
  'average',
  'higher',
  'lower',
  'clear',
  'common',
  'direct',
  'separate',
];
const VERBS = [
  'improves',
  'reduces',
  'describes',
  'measures',
  'compares',
  'supports',
  'requires',
  'produces',
  'extends',
  'explains',
  'predicts',
  'increases',
  'limits',
  'follows',
  'replaces',
  'combines',
  'reports',
  'captures',
  'controls',
  'selects',
  'estimates',
  'confirms',
  'reveals',
  'affects',
  'handles',
  'updates',
];
const ADVERBS = ['clearly', 'slightly', 'largely', 'rarely', 'often', 'mostly', 'consistently', 'only'];
const PREPOSITIONS = ['of', 'for', 'in', 'across', 'within', 'under', 'over', 'after', 'before', 'with'];
const CONNECTIVES = ['However', 'In practice', 'As expected', 'In contrast', 'Moreover', 'For this reason'];

const TITLE_NOUNS = [
  'Evaluation',
  'Design',
  'Analysis',
  'Study',
  'Survey',
  'Review',
  'Report',
  'Assessment',
  'Overview',
];
const TOPICS = [
  'Sensor Networks',
  'Storage Systems',
  'Regional Markets',
  'Clinical Cohorts',
  'Battery Materials',
  'Query Processing',
  'Urban Transport',
  'Water Quality',
  'Energy Demand',
  'Crop Yields',
  'Web Servers',
  'Speech Signals',
  'Image Retrieval',
  'Supply Chains',
  'Public Budgets',
  'Soil Moisture',
  'Traffic Flows',
];
const SECTION_NAMES = [
  'Introduction',
  'Background',
  'Related Work',
  'Method',
  'Approach',
  'Data Collection',
  'Experimental Setup',
  'Results',
  'Discussion',
  'Limitations',
  'Implementation',
  'Evaluation',
  'Analysis',
  'Design Goals',
  'Case Study',
  'Future Work',
  'Conclusion',
  'Overview',
  'Requirements',
  'Procedure',
];
const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Elif',
  'Farah',
  'Goran',
  'Hana',
  'Ivan',
  'Jonas',
  'Keiko',
];
const LAST_NAMES = ['Silva', 'Novak', 'Okafor', 'Larsen', 'Moreau', 'Tanaka', 'Weber', 'Kowalski', 'Haddad'];

const capitalize = (word: string) => word[0].toUpperCase() + word.slice(1);

function nounPhrase(random: Random): string {
  return random.chance(0.6) ? `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}` : random.pick(NOUNS);
}

/** One sentence, 7 to 20 words, ending with a period. */
export function sentence(random: Random): string {
  const words: string[] = [];
  if (random.chance(0.15)) words.push(`${random.pick(CONNECTIVES)},`);
  words.push(random.chance(0.5) ? 'the' : 'each', nounPhrase(random));
  if (random.chance(0.3)) words.push(random.pick(ADVERBS));
  words.push(random.pick(VERBS), 'the', nounPhrase(random));
  const tails = random.int(0, 3);
  for (let i = 0; i < tails; i++) {
    words.push(random.pick(PREPOSITIONS), random.chance(0.4) ? 'a' : 'the', nounPhrase(random));
  }
  if (random.chance(0.2)) words.push('by', `${random.int(2, 40)} percent`);
  return `${capitalize(articles(words.join(' ')))}.`;
}

export function sentences(random: Random, min: number, max: number): string[] {
  return Array.from({ length: random.int(min, max) }, () => sentence(random));
}

// "a annual" reads as a typo; the corpus should read as ordinary prose.
const articles = (text: string) => text.replace(/\ba (?=[aeiou])/g, 'an ');

/** A short phrase for list items, captions and cells: about min to max words, capitalised, ending on a noun. */
export function phrase(random: Random, min = 2, max = 6): string {
  const target = random.int(min, max);
  let text = nounPhrase(random);
  for (let i = 0; i < 4 && text.split(' ').length < target; i++) {
    const longer = `${text} ${random.pick(PREPOSITIONS)} ${random.chance(0.3) ? 'the ' : ''}${nounPhrase(random)}`;
    if (longer.split(' ').length > max) break;
    text = longer;
  }
  return capitalize(articles(text));
}

export function title(random: Random): string {
  const head = random.pick(TITLE_NOUNS);
  return `${/^[AEIOU]/.test(head) ? 'An' : 'A'} ${head} of ${random.pick(TOPICS)}`;
}

export function sectionName(random: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = random.pick(SECTION_NAMES);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${random.pick(SECTION_NAMES)} of the ${capitalize(random.pick(NOUNS))}`;
  used.add(name);
  return name;
}

export function subsectionName(random: Random, used: Set<string>): string {
  for (;;) {
    const name = `${capitalize(random.pick(ADJECTIVES))} ${capitalize(random.pick(NOUNS))}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

export function authors(random: Random): string {
  const count = random.int(1, 3);
  const names = Array.from({ length: count }, () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`);
  return names.join(', ');
}

export function columnLabel(random: Random, used: Set<string>): string {
  for (;;) {
    const label = capitalize(random.pick(NOUNS));
    if (!used.has(label)) {
      used.add(label);
      return label;
    }
  }
}

export const SHORT_NOUNS = NOUNS;
