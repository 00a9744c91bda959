// Injection payloads on the embedded store (the suite is in injection-suite.ts).
import { describeInjectionSuite } from './injection-suite.ts';
import { startHarness } from './support/harness.ts';

describeInjectionSuite('embedded', () => startHarness());
