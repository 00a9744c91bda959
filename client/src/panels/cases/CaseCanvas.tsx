// The case as a graph and over time: "Show on canvas" draws its entities, the links among them
// and its evidence lines joined to their parties; the case timeline plots its evidence lines by
// date with the entity panel's chart.
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { ApiEdge, ApiNode, CaseDetail, SeriesPoint } from '../../api/schemas.ts';
import { NO_FILTERS } from '../../state/types.ts';
import { Timeline } from '../charts.tsx';
import { caseGraph, caseSeries, evidenceLines, lineKey } from './caseGraph.ts';

/** At most this many evidence lines are fetched to draw or plot (the rest are listed). */
export const CASE_LINES_DRAWN = 200;
/** Parties drawn around each evidence line. */
const LINE_PARTIES = 12;

export type ShowCase = (nodes: ApiNode[], edges: ApiEdge[], members: string[]) => void;

async function loadCaseGraph(detail: CaseDetail) {
  const rings = await Promise.all(detail.rings.map((r) => api.ring(r.id)));
  const lines = await Promise.all(
    evidenceLines(detail)
      .slice(0, CASE_LINES_DRAWN)
      .map((id) => api.neighbourhood(lineKey(id), LINE_PARTIES, NO_FILTERS)),
  );
  return caseGraph(detail, rings, lines);
}

export function ShowOnCanvas({ detail, onShow }: { detail: CaseDetail; onShow: ShowCase }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const show = () => {
    setBusy(true);
    setProblem(null);
    loadCaseGraph(detail)
      .then((drawn) =>
        onShow(
          drawn.nodes,
          drawn.edges,
          detail.entities.map((e) => e.key),
        ),
      )
      .catch((failure: unknown) => setProblem(describeError(failure)))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" onClick={show} disabled={busy}>
        Show on canvas
      </button>
      {problem && (
        <p role="alert" className="error small">
          {problem}
        </p>
      )}
    </>
  );
}

/** The case's evidence lines by date: each line's node is read once per change of the list. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const [series, setSeries] = useState<SeriesPoint[] | null>(null);
  const ids = evidenceLines(detail).slice(0, CASE_LINES_DRAWN);
  const wanted = ids.join(',');
  useEffect(() => {
    let live = true;
    Promise.all(ids.map((id) => api.node(lineKey(id))))
      .then(
        (answers) =>
          live &&
          setSeries(
            caseSeries(
              detail,
              answers.map((a) => a.node),
            ),
          ),
      )
      .catch(() => live && setSeries([]));
    return () => {
      live = false;
    };
  }, [wanted]);
  return (
    <section aria-label="Case timeline" data-testid="case-timeline">
      <h4>
        Timeline ({ids.length} evidence {ids.length === 1 ? 'line' : 'lines'})
      </h4>
      {series === null ? <p className="muted small">Loading…</p> : <Timeline series={series} />}
    </section>
  );
}
