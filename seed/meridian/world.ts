// The Meridian world under construction: its parties, its declarations priced line by line
// (true goods, value and origin against what is declared; duty due, duty paid, shortfall), and
// what the truth file will say about rings and lawful look-alikes.
import { Rng } from '../../src/model/rng.ts';
import type { LookAlike, TruthMember } from '../../src/eval/truth.ts';
import type { Administration } from './administrations.ts';
import { dutyRate, heading } from './goods.ts';
import type { MeridianParams } from './params.ts';

export const PERIOD_START = Date.UTC(2023, 6, 1);
export const PERIOD_DAYS = 731;
const DAY_MS = 86_400_000;

export function isoDay(day: number): string {
  return new Date(PERIOD_START + day * DAY_MS).toISOString().slice(0, 10);
}

export type PartyKind = 'importer' | 'consignee' | 'broker' | 'supplier' | 'person';

export interface Party {
  id: string;
  kind: PartyKind;
  name: string;
  country: string | null;
  /** Day index (negative before the period); null when the registry does not say. */
  registeredOn: number | null;
  closedOn: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  bankAccount: string | null;
  directorIds: string[];
  /** False: the party appears only in declarations. */
  inRegistry: boolean;
  /** How declarations spell the name, when it differs from the registry. */
  declaredName?: string;
}

export interface LineSpec {
  hs: string;
  declaredHs?: string;
  origin: string;
  declaredOrigin?: string;
  /** Undefined: the origin; null: left empty. */
  departure?: string | null;
  quantity: number;
  unitUsd: number;
  /** Share of the true value left undeclared. */
  undervalue?: number;
  /** Duty deferred and never paid. */
  unpaid?: boolean;
  /** Part of a consignment that as a whole was above the de-minimis. */
  dutiableWhole?: boolean;
}

export interface DeclarationSpec {
  day: number;
  importerId: string;
  brokerId: string | null;
  consigneeId: string | null;
  supplierId: string | null;
  lines: LineSpec[];
  /** The ring whose scheme these lines serve; null for lawful or camouflage trade. */
  ringId: string | null;
}

export interface PricedLine {
  hs: string;
  description: string;
  origin: string;
  departure: string | null;
  quantity: number;
  netKg: number;
  grossKg: number | null;
  value: number;
  currency: string | null;
  dutyPaid: number;
  ringId: string | null;
  revenueAtRisk: number;
}

export interface Declaration {
  seq: number;
  day: number;
  office: string | null;
  importerId: string;
  brokerId: string | null;
  consigneeId: string | null;
  supplierId: string | null;
  showSupplierCountry: boolean;
  lines: PricedLine[];
}

export interface RingRecord {
  id: string;
  typology:
    | 'shared_identifiers'
    | 'broker_centred'
    | 'phoenix'
    | 'undervaluation'
    | 'origin_misdeclaration'
    | 'split_shipments';
  description: string;
  members: TruthMember[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export class World {
  readonly parties = new Map<string, Party>();
  readonly declarations: Declaration[] = [];
  readonly rings: RingRecord[] = [];
  readonly lookAlikes: LookAlike[] = [];
  private readonly ids = new Set<string>();
  private readonly noise: Rng;

  constructor(
    readonly params: MeridianParams,
    readonly admin: Administration,
  ) {
    this.noise = Rng.derive(params.seed, 'meridian:noise');
  }

  /** A fresh id: `make` is called until it gives one not used yet. */
  newId(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  add(party: Party): Party {
    this.parties.set(party.id, party);
    return party;
  }

  party(id: string): Party {
    const p = this.parties.get(id);
    if (!p) throw new Error(`meridian: no party ${id}`);
    return p;
  }

  declare(spec: DeclarationSpec): Declaration {
    const n = this.noise;
    const trueValues = spec.lines.map((l) => l.quantity * l.unitUsd * this.admin.perUsd);
    const declared = spec.lines.map((l, i) => (trueValues[i] ?? 0) * (1 - (l.undervalue ?? 0)));
    const belowDeclared = declared.reduce((a, b) => a + b, 0) < this.admin.deMinimis;
    const belowTrue = trueValues.reduce((a, b) => a + b, 0) < this.admin.deMinimis;
    const currency = n.chance(0.01) ? null : this.admin.currency;
    const lines = spec.lines.map((l, i): PricedLine => {
      const declaredHs = l.declaredHs ?? l.hs;
      const declaredOrigin = l.declaredOrigin ?? l.origin;
      const value = round2(declared[i] ?? 0);
      const dutyPaid = l.unpaid || belowDeclared ? 0 : round2(value * dutyRate(declaredHs, declaredOrigin));
      const due = belowTrue && !l.dutiableWhole ? 0 : (trueValues[i] ?? 0) * dutyRate(l.hs, l.origin);
      const shortfall = round2(Math.max(0, due - dutyPaid));
      const h = heading(l.hs);
      const netKg = Math.max(0.1, l.quantity * h.kgPerUnit * n.logNormal(1, 0.08));
      const departure = l.departure === undefined ? l.origin : l.departure;
      return {
        hs: declaredHs,
        description: heading(declaredHs).description,
        origin: declaredOrigin,
        departure: n.chance(0.08) ? null : departure,
        quantity: l.quantity,
        netKg,
        grossKg: n.chance(0.06) ? null : netKg * (1.04 + 0.16 * n.next()),
        value,
        currency,
        dutyPaid,
        ringId: spec.ringId !== null && shortfall > 0 ? spec.ringId : null,
        revenueAtRisk: spec.ringId !== null ? shortfall : 0,
      };
    });
    const declaration: Declaration = {
      seq: this.declarations.length,
      day: spec.day,
      office: n.chance(0.03) ? null : n.pick(this.admin.offices),
      importerId: spec.importerId,
      brokerId: spec.brokerId,
      consigneeId: spec.consigneeId,
      supplierId: spec.supplierId,
      showSupplierCountry: !n.chance(0.04),
      lines,
    };
    this.declarations.push(declaration);
    return declaration;
  }

  lineCount(): number {
    let n = 0;
    for (const d of this.declarations) n += d.lines.length;
    return n;
  }
}

/** A working day in [from, to] (weekends mostly avoided). */
export function workday(rng: Rng, from: number, to: number): number {
  const lo = Math.max(0, Math.floor(from));
  const hi = Math.min(PERIOD_DAYS - 1, Math.floor(to));
  for (let tries = 0; ; tries++) {
    const day = rng.int(lo, Math.max(lo, hi));
    const weekday = new Date(PERIOD_START + day * DAY_MS).getUTCDay();
    if (tries > 4 || (weekday !== 0 && weekday !== 6) || rng.chance(0.1)) return day;
  }
}
