// The registry of the synthetic world: creates entities with ids that do not betray when (or
// why) they were created, and keeps them for entities.csv and for the declaration rows' names.
import type { Rng } from '../src/model/rng.ts';
import type { Entity, EntityKind } from './types.ts';
import { isoDay } from './calendar.ts';

const PREFIX: Record<EntityKind, string> = {
  importer: 'IM',
  consignee: 'CO',
  broker: 'BR',
  supplier: 'SU',
  person: 'PE',
};

export interface NewEntity {
  name: string;
  country: string;
  /** Day index (may be negative: registered before the period). */
  registeredDay?: number | null;
  closedDay?: number | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  bankAccount?: string | null;
  directorIds?: string[];
}

export class Registry {
  private readonly byId = new Map<string, Entity>();
  /** Active window per firm (first day, day closed), for choosing who can trade on a day. */
  private readonly opens = new Map<string, number>();
  private readonly closes = new Map<string, number>();

  /** `idSpace` bounds the random id numbers; make it well above the entity count. */
  constructor(
    private readonly rng: Rng,
    private readonly idSpace: number,
  ) {}

  add(kind: EntityKind, fields: NewEntity): Entity {
    const entity: Entity = {
      id: this.newId(kind),
      kind,
      name: fields.name,
      country: fields.country,
      registeredOn: fields.registeredDay == null ? null : isoDay(fields.registeredDay),
      closedOn: fields.closedDay == null ? null : isoDay(fields.closedDay),
      address: fields.address ?? null,
      phone: fields.phone ?? null,
      email: fields.email ?? null,
      bankAccount: fields.bankAccount ?? null,
      directorIds: fields.directorIds ?? [],
    };
    this.byId.set(entity.id, entity);
    if (fields.registeredDay != null) this.opens.set(entity.id, fields.registeredDay);
    if (fields.closedDay != null) this.closes.set(entity.id, fields.closedDay);
    return entity;
  }

  /** Closes a firm on a day: it trades no more from then on. */
  close(id: string, day: number): void {
    const entity = this.get(id);
    entity.closedOn = isoDay(day);
    this.closes.set(id, day);
  }

  /** The day a firm's window opens and closes (±Infinity when unbounded). */
  window(id: string): readonly [number, number] {
    return [this.opens.get(id) ?? -Infinity, this.closes.get(id) ?? Infinity];
  }

  get(id: string): Entity {
    const e = this.byId.get(id);
    if (!e) throw new Error(`seed: no entity ${id}`);
    return e;
  }

  /** True when the firm is registered and not closed on that day. */
  isActive(id: string, day: number): boolean {
    return (
      this.byId.has(id) && day >= (this.opens.get(id) ?? -Infinity) && day < (this.closes.get(id) ?? Infinity)
    );
  }

  /** Every entity, people first (firms name them as directors), then by id, so the file does
   * not reveal creation order. */
  sorted(): Entity[] {
    const rank = (e: Entity) => (e.kind === 'person' ? 0 : 1);
    return [...this.byId.values()].sort(
      (a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  get size(): number {
    return this.byId.size;
  }

  private newId(kind: EntityKind): string {
    const width = String(this.idSpace).length;
    for (;;) {
      const id = `${PREFIX[kind]}-${String(this.rng.int(1, this.idSpace)).padStart(width, '0')}`;
      if (!this.byId.has(id)) return id;
    }
  }
}
