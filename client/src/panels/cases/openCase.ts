// The open case, held once for the whole explorer: the cases panel shows and changes it, and the
// canvas offers "Add to case <title>" on a node (a line as evidence, a party as an entity) while
// one is open and the user may change it. A small external store (React's useSyncExternalStore) so neither has to thread it
// through the other.
import { useSyncExternalStore } from 'react';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { CaseDetail } from '../../api/schemas.ts';

interface OpenCase {
  detail: CaseDetail | null;
  /** True when the signed-in user may change the open case (the panel decides, as the server). */
  writable: boolean;
  /** How the last evidence picked on the canvas went. */
  notice: string | null;
}

let current: OpenCase = { detail: null, writable: false, notice: null };
const listeners = new Set<() => void>();

function update(change: Partial<OpenCase>): void {
  current = { ...current, ...change };
  for (const listener of listeners) listener();
}

export function setOpenCase(detail: CaseDetail | null): void {
  if (detail !== current.detail)
    update({ detail, notice: detail?.id === current.detail?.id ? current.notice : null });
}

export function setOpenCaseWritable(writable: boolean): void {
  if (writable !== current.writable) update({ writable });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOpenCase(): CaseDetail | null {
  return useSyncExternalStore(subscribe, () => current.detail);
}

export function useOpenCaseState(): OpenCase {
  return useSyncExternalStore(subscribe, () => current);
}

/** Adds one declaration line (`declarationId/line`) to the open case as an evidence item. */
export async function addLineToOpenCase(declarationLine: string): Promise<void> {
  const detail = current.detail;
  if (!detail) return;
  try {
    const description = `Declaration line ${declarationLine}, picked on the canvas`;
    const answer = await api.addCaseEvidence(detail.id, description, [declarationLine], null);
    update({ detail: answer.case, notice: `Added ${declarationLine} to the case.` });
  } catch (failure) {
    update({ notice: `${declarationLine} was not added: ${describeError(failure)}` });
  }
}

/** Pins one node (a party, person or identifier, by key) to the open case as an entity. */
export async function addEntityToOpenCase(key: string, name: string): Promise<void> {
  const detail = current.detail;
  if (!detail) return;
  try {
    const answer = await api.addCaseEntities(detail.id, [key]);
    update({ detail: answer.case, notice: `Added ${name} to the case.` });
  } catch (failure) {
    update({ notice: `${name} was not added: ${describeError(failure)}` });
  }
}

/**
 * The canvas's "Add to case <title>" item for a node while a case the user may change is open: a
 * declaration line becomes an evidence item, any other node (a party from its right-click menu)
 * an entity of the case.
 */
export function useCaseEvidencePick(): (
  key: string,
  name?: string,
) => { label: string; run: () => void } | null {
  const { detail, writable } = useOpenCaseState();
  return (key, name = key) => {
    if (!detail || !writable) return null;
    const label = `Add to case ${detail.title}`;
    if (!key.startsWith('Shipment:')) return { label, run: () => void addEntityToOpenCase(key, name) };
    const line = key.slice('Shipment:'.length);
    return { label, run: () => void addLineToOpenCase(line) };
  };
}
