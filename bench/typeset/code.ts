import type { Random } from './random.js';
import type { CodeBlock } from './model.js';

// Identifiers and shapes of ordinary short listings; lines stay under 46 characters so that no
// engine wraps them, even in a two-column layout.
const NAMES = ['total', 'count', 'items', 'value', 'result', 'limit', 'offset', 'buffer', 'index', 'score'];
const FUNCTIONS = ['load_data', 'parse_row', 'update', 'compute', 'normalize', 'merge', 'filter_rows'];

function python(random: Random): string[] {
  const fn = random.pick(FUNCTIONS);
  const [a, b] = [random.pick(NAMES), random.pick(NAMES.filter((n) => n !== 'items'))];
  const lines = [
    `def ${fn}(items, ${a === 'items' ? 'limit' : a}):`,
    `    ${b} = 0`,
    '    for item in items:',
  ];
  if (random.chance(0.5)) lines.push(`        if item > ${random.int(1, 99)}:`, '            continue');
  lines.push(`        ${b} += item * ${random.int(2, 9)}`, `    return ${b}`);
  if (random.chance(0.5)) lines.push('', `print(${fn}([1, 2, 3], ${random.int(1, 9)}))`);
  return lines;
}

function javascript(random: Random): string[] {
  const fn = random.pick(FUNCTIONS).replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  const v = random.pick(NAMES);
  const lines = [`function ${fn}(rows) {`, `  let ${v} = 0;`, '  for (const row of rows) {'];
  lines.push(`    ${v} += row.size * ${random.int(2, 9)};`, '  }', `  return ${v};`, '}');
  if (random.chance(0.5)) lines.push('', `console.log(${fn}([{ size: ${random.int(1, 9)} }]));`);
  return lines;
}

function c(random: Random): string[] {
  const fn = random.pick(FUNCTIONS);
  const v = random.pick(NAMES);
  return [
    `int ${fn}(const int *data, int n) {`,
    `    int ${v} = 0;`,
    '    for (int i = 0; i < n; i++) {',
    `        ${v} += data[i] % ${random.int(2, 9)};`,
    '    }',
    `    return ${v};`,
    '}',
  ];
}

export function codeBlock(random: Random): CodeBlock {
  const language = random.pick(['python', 'javascript', 'c'] as const);
  const lines =
    language === 'python' ? python(random) : language === 'javascript' ? javascript(random) : c(random);
  return { kind: 'code', language, lines };
}
