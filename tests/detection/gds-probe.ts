// Whether the Neo4j the tests were given answers Graph Data Science: probed once per test file.
// A server that should have it (NEO4J_GDS=1, as in CI) and does not is an error, not a skip.
import { gdsEngineOf } from '../../src/store/neo4j/gds.ts';
import { openNeo4jStore, type Neo4jStoreOptions } from '../../src/store/neo4j/index.ts';

export async function gdsAnswers(target: Neo4jStoreOptions): Promise<boolean> {
  const probe = await openNeo4jStore(target);
  let up = true;
  try {
    await gdsEngineOf(probe)!.server();
  } catch {
    up = false;
  } finally {
    await probe.close();
  }
  if (!up && process.env.NEO4J_GDS === '1') {
    throw new Error(`NEO4J_GDS=1 but Graph Data Science does not answer on ${target.uri}`);
  }
  return up;
}
