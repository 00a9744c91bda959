// Typeahead search over firms, people, identifiers and declaration ids (ARIA combobox).
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { SearchHit } from '../api/schemas.ts';

const DEBOUNCE_MS = 200;

/** The hits for a query, asked for once typing pauses; a newer query cancels an older one. */
function useSearch(query: string) {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .search(q, controller.signal)
        .then((answer) => {
          setHits(answer.hits);
          setActive(0);
          setOpen(true);
          setError(null);
        })
        .catch((failure: unknown) => {
          if (!controller.signal.aborted) setError(describeError(failure));
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return { hits, active, setActive, open, setOpen, error };
}

export function SearchBox({ onPick }: { onPick: (hit: SearchHit) => void }) {
  const [query, setQuery] = useState('');
  const { hits, active, setActive, open, setOpen, error } = useSearch(query);
  const listId = useId();

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit);
    setOpen(false);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') pick(hits[active]);
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
  };

  const expanded = open && hits.length > 0;
  return (
    <div className="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search firms, people, identifiers, declarations
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        placeholder="Search firms, people, addresses, declarations…"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      {expanded && <HitList listId={listId} hits={hits} active={active} onPick={pick} />}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}

interface HitListProps {
  listId: string;
  hits: SearchHit[];
  active: number;
  onPick: (hit: SearchHit) => void;
}

function HitList({ listId, hits, active, onPick }: HitListProps) {
  return (
    <ul id={listId} role="listbox" className="search-hits">
      {hits.map((hit, index) => (
        <li
          key={hit.key}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'active' : undefined}
          onMouseDown={(e) => {
            // Keep the focus in the input: its blur would close the list before the pick.
            e.preventDefault();
            onPick(hit);
          }}
        >
          <span className={`badge label-${hit.label}`}>{hit.label}</span> {hit.name ?? hit.id}
          {hit.name && <span className="muted"> {hit.id}</span>}
        </li>
      ))}
    </ul>
  );
}
