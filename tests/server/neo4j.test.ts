// The exploration and injection suites on a real Neo4j (found through NEO4J_URI, see
// bench/support/neo4j-target.ts): skipped loudly when absent, a failure under CI=true. The Neo4j
// test files share one database, so vitest runs them one after another (vitest.config.ts).
import { describe, it } from 'vitest';
import { neo4jTarget } from '../../bench/support/neo4j-target.ts';
import { describeGraphSuite } from './graph-suite.ts';
import { describeInjectionSuite } from './injection-suite.ts';
import { startHarness } from './support/harness.ts';

const target = await neo4jTarget();

if (!target) {
  describe('API on Neo4j', () => {
    it.skip('needs a Neo4j server: npm run neo4j:start (or NEO4J_URI)', () => undefined);
  });
} else {
  const neo4j = target;
  describeGraphSuite('neo4j', () => startHarness({ neo4j }));
  describeInjectionSuite('neo4j', () => startHarness({ neo4j }));
}
