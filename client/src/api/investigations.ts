// The explorer's calls for saved investigations (server/API.md): list, save, open, save again,
// delete. Answers are validated with the server's own schemas.
import { z } from 'zod';
import {
  InvestigationAnswer,
  InvestigationsAnswer,
  type SavedInvestigation,
} from '../../../src/api/investigations.ts';
import { request } from './http.ts';

const enc = encodeURIComponent;

export const investigationsApi = {
  list: () => request('/api/investigations', InvestigationsAnswer),
  open: (id: string) => request(`/api/investigations/${enc(id)}`, InvestigationAnswer),
  save: (body: SavedInvestigation) =>
    request('/api/investigations', InvestigationAnswer, { method: 'POST', body }),
  replace: (id: string, body: SavedInvestigation) =>
    request(`/api/investigations/${enc(id)}`, InvestigationAnswer, { method: 'PUT', body }),
  remove: (id: string) => request(`/api/investigations/${enc(id)}`, z.unknown(), { method: 'DELETE' }),
};
