// Exploration endpoints on the embedded store (the suite is in graph-suite.ts).
import { describeGraphSuite } from './graph-suite.ts';
import { startHarness } from './support/harness.ts';

describeGraphSuite('embedded', () => startHarness());
