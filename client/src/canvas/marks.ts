// Names of the performance marks the canvas leaves, read by the UI benchmark and browser tests.
export const MARKS = {
  /** Elements were added to Cytoscape; the mark's startTime is when the sync began. */
  elementsAdded: 'ringscope:elements-added',
  firstRender: 'ringscope:first-render',
  /** A layout was started (its positions are computed from here; layout-done when applied). */
  layoutRun: 'ringscope:layout-run',
  layoutDone: 'ringscope:layout-done',
};
