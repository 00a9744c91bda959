// The route map as a screen over the canvas (which stays as it was underneath): opened from a
// ring or the selection, closed with "Back to the canvas" or Escape.
import { useEffect } from 'react';
import { openRouteMap, useRouteMapRequest } from './open-route-map.ts';
import { RouteMap } from './RouteMap.tsx';
import './routemap.css';

export function RouteMapOverlay() {
  const request = useRouteMapRequest();
  useEffect(() => {
    if (!request) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') openRouteMap(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [request]);
  if (!request) return null;
  return (
    <div className="screen" role="region" aria-label="Route map">
      <div className="screen-head">
        <h1>Route map: {request.title}</h1>
        <button type="button" onClick={() => openRouteMap(null)}>
          Back to the canvas
        </button>
      </div>
      <RouteMap request={request} />
    </div>
  );
}
