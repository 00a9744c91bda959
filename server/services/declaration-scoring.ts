// Scoring one arriving declaration: its lines through the same canonical-row mapping and
// scoring as `ringscope score`, each line with its lane and reasons, and the parties it names
// with their risk and rings from the last detection run. Parties, and the network features of a
// model trained with them, come from the party index in memory: a request queries no store.
import type { BusinessLabel } from '../../src/model/index.ts';
import type { ScoreDeclarationBody, ScoredDeclaration } from '../../src/api/risk.ts';
import { NETWORK_FEATURES, networkFacts, type NetworkFacts } from '../../src/risk/network.ts';
import { ApiError } from '../http/errors.ts';
import {
  riskLinesOf,
  scorePosted,
  type LineScore,
  type PostedLines,
  type ReasonsFor,
  type ScorableModel,
} from './line-scorer.ts';
import type { PartyIndex, PartySnapshot } from './party-index.ts';
import { noModel, ServedModel, type LoadedRiskModel } from './risk-model.ts';

export { noModel };

/** The parties a line names that are nodes of the graph, by the canonical field holding their id. */
const PARTY_FIELDS: [BusinessLabel, 'importer_id' | 'broker_id' | 'consignee_id' | 'supplier_id'][] = [
  ['Importer', 'importer_id'],
  ['Broker', 'broker_id'],
  ['Consignee', 'consignee_id'],
  ['Supplier', 'supplier_id'],
];

type Party = ScoredDeclaration['lines'][number]['parties'][number];

/** Scores and explains lines in their order: in-process (scoreInOrder) or on the scoring thread. */
export type LineScorer = (
  loaded: ScorableModel,
  posted: PostedLines,
  reasons: ReasonsFor,
) => Promise<LineScore[]>;

export interface ScoreOptions {
  /** `flagged` (default): reasons for red and amber lines only; `all`: for every line. */
  reasons?: ReasonsFor;
}

const noRun = () =>
  new ApiError(
    409,
    'no_detection_run',
    `the risk model was trained with network features (${NETWORK_FEATURES.join(', ')}), which come from ` +
      'the last detection run, and the store holds none: run a detection (POST /api/jobs/detect or `ringscope detect`)',
  );

export class DeclarationScoring {
  private readonly served: ServedModel;

  constructor(
    model: ServedModel | LoadedRiskModel | null,
    private readonly parties: Pick<PartyIndex, 'current'>,
    private readonly scoreLines: LineScorer = scorePosted,
  ) {
    this.served = model instanceof ServedModel ? model : new ServedModel(undefined, model);
  }

  /** The model in use (content hash, date); throws 409 no_model when none is loaded. */
  model(): Promise<LoadedRiskModel> {
    return this.served.require();
  }

  async score(body: ScoreDeclarationBody, options: ScoreOptions = {}): Promise<ScoredDeclaration> {
    // One model for the whole declaration, even if a reload lands while it is scored.
    const loaded = await this.model();
    const snapshot = await this.parties.current();
    let network: NetworkFacts[] | null = null;
    if (loaded.model.plan.options.network) {
      if (snapshot === null) throw noRun();
      const facts = snapshot.network;
      network = riskLinesOf({ declarationId: body.declaration_id, lines: body.lines, network: null }).map(
        (l) => networkFacts(facts, l),
      );
    }
    const posted = { declarationId: body.declaration_id, lines: body.lines, network };
    const scored = await this.scoreLines(loaded, posted, options.reasons ?? 'flagged');
    return {
      model: { content_hash: loaded.file.contentHash, created_at: loaded.file.createdAt },
      lines: body.lines.map((row, i) => ({
        declaration_id: body.declaration_id,
        line: row.line ?? i + 1,
        ...scored[i]!,
        parties: partiesOf(body.lines[i]!, snapshot),
      })),
    };
  }
}

/** Each party the line names, with its risk and rings in the last run (none: null and no rings). */
function partiesOf(row: ScoreDeclarationBody['lines'][number], snapshot: PartySnapshot | null): Party[] {
  const parties: Party[] = [];
  for (const [label, field] of PARTY_FIELDS) {
    const id = row[field];
    if (id === undefined) continue;
    const key = `${label}:${id}`;
    const facts = snapshot?.parties.get(key);
    parties.push({ key, risk: facts?.risk ?? null, rings: facts ? [...facts.rings] : [] });
  }
  return parties;
}
