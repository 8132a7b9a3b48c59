/** An ordered tree; labels live in the caller's node type and are compared by `rename`. */
export interface Tree {
  children: Tree[];
}

export function countNodes(tree: Tree): number {
  let count = 1;
  for (const child of tree.children) count += countNodes(child);
  return count;
}

interface Postorder<T extends Tree> {
  nodes: T[];
  /** Postorder index of each node's leftmost leaf. */
  leftmost: Int32Array;
  keyroots: number[];
}

function postorder<T extends Tree>(root: T): Postorder<T> {
  const nodes: T[] = [];
  const leftmostList: number[] = [];
  const visit = (node: T): number => {
    let leftmost = -1;
    for (const child of node.children as T[]) {
      const childLeftmost = visit(child);
      if (leftmost < 0) leftmost = childLeftmost;
    }
    nodes.push(node);
    if (leftmost < 0) leftmost = nodes.length - 1;
    leftmostList.push(leftmost);
    return leftmost;
  };
  visit(root);
  const leftmost = Int32Array.from(leftmostList);
  // A keyroot is the highest node sharing its leftmost leaf (the root, or any node with a left sibling).
  const highest = new Map<number, number>();
  for (let i = 0; i < nodes.length; i++) highest.set(leftmost[i], i);
  const keyroots = [...highest.values()].sort((x, y) => x - y);
  return { nodes, leftmost, keyroots };
}

/**
 * Exact ordered tree edit distance (Zhang & Shasha 1989), insert and delete costing 1 and
 * relabelling costing `rename(a, b)`. Equal to APTED's result, which the benchmark used; the
 * trees here (tables, heading outlines) are shallow, where Zhang-Shasha is near-quadratic.
 */
export function treeEditDistance<T extends Tree>(a: T, b: T, rename: (x: T, y: T) => number): number {
  const t1 = postorder(a);
  const t2 = postorder(b);
  const n1 = t1.nodes.length;
  const n2 = t2.nodes.length;

  // Renames (e.g. Levenshtein of cell text) are the costly part, so each pair is priced once.
  const renameCache = new Float64Array(n1 * n2).fill(NaN);
  const renameCost = (i: number, j: number): number => {
    const k = i * n2 + j;
    if (Number.isNaN(renameCache[k])) renameCache[k] = rename(t1.nodes[i], t2.nodes[j]);
    return renameCache[k];
  };

  const treeDist = new Float64Array(n1 * n2);
  const width = n2 + 1;
  const forest = new Float64Array((n1 + 1) * width);

  for (const i of t1.keyroots) {
    for (const j of t2.keyroots) {
      const li = t1.leftmost[i];
      const lj = t2.leftmost[j];
      // forest[(x - li + 1) * width + (y - lj + 1)]: distance between forests li..x and lj..y.
      const rows = i - li + 2;
      const cols = j - lj + 2;
      forest[0] = 0;
      for (let x = 1; x < rows; x++) forest[x * width] = forest[(x - 1) * width] + 1;
      for (let y = 1; y < cols; y++) forest[y] = forest[y - 1] + 1;
      for (let x = 1; x < rows; x++) {
        const nodeX = li + x - 1;
        for (let y = 1; y < cols; y++) {
          const nodeY = lj + y - 1;
          const del = forest[(x - 1) * width + y] + 1;
          const ins = forest[x * width + y - 1] + 1;
          let best = del < ins ? del : ins;
          if (t1.leftmost[nodeX] === li && t2.leftmost[nodeY] === lj) {
            const ren = forest[(x - 1) * width + y - 1] + renameCost(nodeX, nodeY);
            if (ren < best) best = ren;
            forest[x * width + y] = best;
            treeDist[nodeX * n2 + nodeY] = best;
          } else {
            const px = t1.leftmost[nodeX] - li;
            const py = t2.leftmost[nodeY] - lj;
            const sub = forest[px * width + py] + treeDist[nodeX * n2 + nodeY];
            if (sub < best) best = sub;
            forest[x * width + y] = best;
          }
        }
      }
    }
  }
  return treeDist[(n1 - 1) * n2 + (n2 - 1)];
}
