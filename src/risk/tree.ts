// One regression tree of the boosted ensemble, as flat arrays over its nodes, and the decision a
// node takes on a binned row. Numeric nodes send bins ≤ threshold left; categorical nodes send
// the bins in their category set left (unseen categories go right).
import { BIN_SLOTS } from './binning.ts';

export interface Tree {
  /** Feature split on, -1 at a leaf. */
  feature: Int32Array;
  /** Numeric split: highest bin that goes left; -1 for a categorical split. */
  threshold: Int32Array;
  /** Categorical split: offset of its 256-slot left set in `categories`; -1 otherwise. */
  categorySet: Int32Array;
  /** 1 in slot b of a set: bin b goes left. */
  categories: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf output in log-odds (learning rate applied); 0 at inner nodes. */
  value: Float64Array;
  /** Training rows that reached the node (the weights TreeSHAP takes expectations with). */
  cover: Float64Array;
}

/** Whether a row whose bin for the node's feature is `bin` goes to the left child. */
export function goesLeft(tree: Tree, node: number, bin: number): boolean {
  const set = tree.categorySet[node]!;
  return set < 0 ? bin <= tree.threshold[node]! : tree.categories[set + bin] === 1;
}

/** Leaf value of a tree for the row at `offset` of a row-major binned matrix. */
export function treeOutput(tree: Tree, bins: Uint8Array, offset: number): number {
  const { feature, threshold, categorySet, categories, left, right } = tree;
  let node = 0;
  for (;;) {
    const f = feature[node]!;
    if (f < 0) return tree.value[node]!;
    const bin = bins[offset + f]!;
    const set = categorySet[node]!;
    const toLeft = set < 0 ? bin <= threshold[node]! : categories[set + bin] === 1;
    node = toLeft ? left[node]! : right[node]!;
  }
}

/** Nodes being built, as growable lists; `freeze` turns them into a Tree. */
export class TreeBuilder {
  private feature: number[] = [-1];
  private threshold: number[] = [-1];
  private categorySet: number[] = [-1];
  private sets: Uint8Array[] = [];
  private left: number[] = [-1];
  private right: number[] = [-1];
  private value: number[] = [0];
  private cover: number[];

  constructor(rootCover: number) {
    this.cover = [rootCover];
  }

  /** Turns leaf `node` into a split; answers the new [left, right] node ids. */
  split(
    node: number,
    feature: number,
    rule: { threshold: number } | { set: Uint8Array },
    covers: [number, number],
  ): [number, number] {
    this.feature[node] = feature;
    if ('threshold' in rule) this.threshold[node] = rule.threshold;
    else {
      this.categorySet[node] = this.sets.length * BIN_SLOTS;
      this.sets.push(rule.set);
    }
    const ids: [number, number] = [this.feature.length, this.feature.length + 1];
    for (const c of covers) {
      this.feature.push(-1);
      this.threshold.push(-1);
      this.categorySet.push(-1);
      this.left.push(-1);
      this.right.push(-1);
      this.value.push(0);
      this.cover.push(c);
    }
    [this.left[node], this.right[node]] = ids;
    return ids;
  }

  setValue(node: number, value: number): void {
    this.value[node] = value;
  }

  freeze(): Tree {
    const categories = new Uint8Array(this.sets.length * BIN_SLOTS);
    this.sets.forEach((s, i) => categories.set(s, i * BIN_SLOTS));
    return {
      feature: Int32Array.from(this.feature),
      threshold: Int32Array.from(this.threshold),
      categorySet: Int32Array.from(this.categorySet),
      categories,
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      cover: Float64Array.from(this.cover),
    };
  }
}
