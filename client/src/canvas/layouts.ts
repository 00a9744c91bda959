// Layout options for the three layouts the explorer offers. Pinned nodes are locked in
// Cytoscape, so every layout leaves them where the investigator put them.
import type { LayoutOptions } from 'cytoscape';
import type { LayoutName } from '../state/types.ts';

/** Above this many nodes layouts are not animated: the animation costs more than it shows. */
const ANIMATE_BELOW = 250;

export const LAYOUT_NAMES: readonly LayoutName[] = ['fcose', 'concentric', 'breadthfirst'];

export const LAYOUT_TITLES: Record<LayoutName, string> = {
  fcose: 'Force-directed (fCoSE)',
  concentric: 'Concentric by risk',
  breadthfirst: 'Breadth-first tree',
};

export function layoutOptions(name: LayoutName, nodeCount: number, randomize: boolean): LayoutOptions {
  const animate = nodeCount < ANIMATE_BELOW;
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        // fCoSE's draft quality needs randomized starting positions.
        quality: randomize && nodeCount > 1000 ? 'draft' : 'default',
        randomize,
        animate,
        animationDuration: 400,
        // Room for labels keeps them readable; past a thousand nodes the cost outweighs it.
        nodeDimensionsIncludeLabels: nodeCount <= 1000,
        nodeRepulsion: 6500,
        idealEdgeLength: 70,
        packComponents: true,
        fit: true,
        padding: 30,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate,
        fit: true,
        padding: 30,
        minNodeSpacing: 12,
        // Riskiest in the middle.
        concentric: (node: { data: (field: string) => unknown }) => Number(node.data('risk') ?? 0) * 10,
        levelWidth: () => 1,
      };
    case 'breadthfirst':
      return { name: 'breadthfirst', animate, fit: true, padding: 30, directed: false, spacingFactor: 1.1 };
  }
}
