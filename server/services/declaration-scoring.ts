// Scoring one arriving declaration: its lines through the same canonical-row mapping and
// scoring as `ringscope score`, each line with its lane and reasons, and the parties it names
// with their risk and rings from the last detection run.
import type { BusinessLabel } from '../../src/model/index.ts';
import { nodeKey } from '../../src/model/index.ts';
import type { ScoreDeclarationBody, ScoredDeclaration } from '../../src/api/risk.ts';
import { riskLineOf } from '../../src/risk/canonical-line.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { ApiError } from '../http/errors.ts';
import type { RiskScores } from './risk-scores.ts';
import { LineScorer } from './line-scorer.ts';
import type { LoadedRiskModel } from './risk-model.ts';

/** The parties a line names that are nodes of the graph, by the canonical field holding their id. */
const PARTY_FIELDS: [BusinessLabel, 'importer_id' | 'broker_id' | 'consignee_id' | 'supplier_id'][] = [
  ['Importer', 'importer_id'],
  ['Broker', 'broker_id'],
  ['Consignee', 'consignee_id'],
  ['Supplier', 'supplier_id'],
];

type Party = ScoredDeclaration['lines'][number]['parties'][number];

export interface ScoreOptions {
  reasons?: 'flagged' | 'all';
}

export const noModel = () =>
  new ApiError(
    409,
    'no_model',
    'no risk model is loaded: run `ringscope train` and set RINGSCOPE_RISK_MODEL to the model file it writes',
  );

export class DeclarationScoring {
  private readonly scorer: LineScorer | null;

  constructor(
    private readonly loaded: LoadedRiskModel | null,
    private readonly store: Pick<GraphStore, 'ringsOf'>,
    private readonly risks: RiskScores,
  ) {
    this.scorer = loaded ? new LineScorer(loaded) : null;
  }

  /** The model's content hash and date; throws 409 no_model when none is loaded. */
  model(): LoadedRiskModel {
    if (!this.loaded) throw noModel();
    return this.loaded;
  }

  /** `reasons`: `flagged` (red and amber lines) or `all`. */
  async score(body: ScoreDeclarationBody, _options: ScoreOptions = {}): Promise<ScoredDeclaration> {
    const { file } = this.model();
    const lines = body.lines.map(({ attributes, ...row }, i) =>
      riskLineOf({ ...row, declaration_id: body.declaration_id }, i + 1, attributes ?? {}),
    );
    const scored = this.scorer!.score(lines);
    const parties = await this.parties(body);
    return {
      model: { content_hash: file.contentHash, created_at: file.createdAt },
      lines: lines.map((l, i) => ({
        declaration_id: l.declarationId,
        line: l.line,
        ...scored[i]!,
        parties: partiesOf(body.lines[i]!, parties),
      })),
    };
  }

  /** Each party the declaration names, once, with its risk and rings. */
  private async parties(body: ScoreDeclarationBody): Promise<Map<string, Party>> {
    const refs = new Map<string, { label: BusinessLabel; id: string }>();
    for (const row of body.lines)
      for (const [label, field] of PARTY_FIELDS) {
        const id = row[field];
        if (id !== undefined) refs.set(nodeKey({ label, id }), { label, id });
      }
    const scores = await this.risks.scores();
    const found = await Promise.all(
      [...refs].map(async ([key, ref]): Promise<Party> => {
        const rings = await this.store.ringsOf(ref);
        return { key, risk: scores.get(key) ?? null, rings: rings.map((r) => r.id) };
      }),
    );
    return new Map(found.map((p) => [p.key, p]));
  }
}

function partiesOf(row: ScoreDeclarationBody['lines'][number], parties: Map<string, Party>): Party[] {
  return PARTY_FIELDS.flatMap(([label, field]) => {
    const id = row[field];
    const party = id === undefined ? undefined : parties.get(nodeKey({ label, id }));
    return party ? [party] : [];
  });
}
