// Entry point of the explorer bundle.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

// Cytoscape injects a <style> element for its container unless one with this id exists; the
// server's CSP (style-src 'self') blocks injected styles, so the rule lives in styles.css and
// this marker tells Cytoscape it is there.
const cytoscapeStyleMarker = document.createElement('meta');
cytoscapeStyleMarker.id = '__________cytoscape_stylesheet';
document.head.append(cytoscapeStyleMarker);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
