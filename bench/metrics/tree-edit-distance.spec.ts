import { describe, expect, it } from '@jest/globals';
import { countNodes, treeEditDistance } from './tree-edit-distance.js';

interface Node {
  label: string;
  children: Node[];
}

/** Parses "a(b c(d))" into a tree. */
function tree(source: string): Node {
  let at = 0;
  const parse = (): Node => {
    const label = /^[a-z]+/.exec(source.slice(at))![0];
    at += label.length;
    const children: Node[] = [];
    if (source[at] === '(') {
      at++;
      while (source[at] !== ')') {
        if (source[at] === ' ') at++;
        else children.push(parse());
      }
      at++;
    }
    return { label, children };
  };
  return parse();
}

const unitRename = (a: Node, b: Node) => (a.label === b.label ? 0 : 1);

describe('treeEditDistance', () => {
  it('is zero for equal trees and counts nodes', () => {
    expect(treeEditDistance(tree('a(b c(d))'), tree('a(b c(d))'), unitRename)).toBe(0);
    expect(countNodes(tree('a(b c(d))'))).toBe(4);
  });

  it('matches the Zhang-Shasha paper example', () => {
    // f(d(a c(b)) e) -> f(c(d(a b)) e) needs 2 operations.
    expect(treeEditDistance(tree('f(d(a c(b)) e)'), tree('f(c(d(a b)) e)'), unitRename)).toBe(2);
  });

  it('prices inserts, deletes and renames', () => {
    expect(treeEditDistance(tree('r(a b)'), tree('r(a)'), unitRename)).toBe(1);
    expect(treeEditDistance(tree('r(a)'), tree('r(a b c)'), unitRename)).toBe(2);
    expect(treeEditDistance(tree('r(a)'), tree('r(b)'), unitRename)).toBe(1);
    // Deleting an inner node keeps its children in place.
    expect(treeEditDistance(tree('r(x(a b))'), tree('r(a b)'), unitRename)).toBe(1);
  });

  it('uses fractional rename costs', () => {
    const half = (a: Node, b: Node) => (a.label === b.label ? 0 : 0.5);
    expect(treeEditDistance(tree('r(a b)'), tree('r(c d)'), half)).toBe(1);
  });
});
