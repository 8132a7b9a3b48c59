import { decodeHTML } from 'entities';

/** An element of parsed HTML; `parts` interleaves text and child elements in document order. */
export interface HtmlElement {
  tag: string;
  attributes: Record<string, string>;
  parts: (string | HtmlElement)[];
}

const VOID_TAGS = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'wbr',
  'col',
  'area',
  'base',
  'source',
]);
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g;
const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
// Opening one of these closes the open element named alongside, as an HTML parser does.
const IMPLIED_END: Record<string, string[]> = {
  td: ['td', 'th'],
  th: ['td', 'th'],
  tr: ['tr', 'td', 'th'],
  thead: ['thead', 'tbody', 'tr', 'td', 'th'],
  tbody: ['thead', 'tbody', 'tr', 'td', 'th'],
};

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) {
    attributes[m[1].toLowerCase()] = decodeHTML(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/**
 * A small forgiving HTML parser, enough for the tables that Markdown answers and outputs embed:
 * comments dropped, entities decoded, void elements, implied `</td>`/`</tr>`, stray end tags ignored.
 */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attributes: {}, parts: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1];
  for (const m of html.matchAll(TOKEN)) {
    const [token, closing, rawTag, rawAttributes] = m;
    if (token.startsWith('<!--')) continue;
    if (!rawTag) {
      top().parts.push(decodeHTML(token));
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.findLastIndex((el) => el.tag === tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const implied = IMPLIED_END[tag];
    if (implied) {
      // Close up to the nearest enclosing table so nested tables stay intact.
      for (let at = stack.length - 1; at > 0 && stack[at].tag !== 'table'; at--) {
        if (implied.includes(stack[at].tag)) {
          stack.length = at;
          break;
        }
      }
    }
    const element: HtmlElement = { tag, attributes: parseAttributes(rawAttributes), parts: [] };
    top().parts.push(element);
    if (!VOID_TAGS.has(tag) && !rawAttributes.trimEnd().endsWith('/')) stack.push(element);
  }
  return root;
}

export function childElements(element: HtmlElement): HtmlElement[] {
  return element.parts.filter((part): part is HtmlElement => typeof part !== 'string');
}

/** All `<table>` elements, outermost only, in document order. */
export function findTables(element: HtmlElement): HtmlElement[] {
  return childElements(element).flatMap((child) => (child.tag === 'table' ? [child] : findTables(child)));
}
