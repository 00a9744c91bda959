// Disjoint sets over string keys: how detectors merge pairwise links into groups.
export class UnionFind {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    while (true) {
      const up = this.parent.get(root);
      if (up === undefined || up === root) break;
      root = up;
    }
    let node = key;
    while (node !== root) {
      const up = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = up;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key becomes the root so groups do not depend on the order of unions.
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }

  /** Groups with their keys sorted, ordered by their first key. */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const key of this.parent.keys()) {
      const root = this.find(key);
      const group = byRoot.get(root);
      if (group) group.push(key);
      else byRoot.set(root, [key]);
    }
    return [...byRoot.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  }
}
