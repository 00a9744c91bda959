// Reading and pointing at the explorer's canvas from a browser test: what Cytoscape holds (nodes,
// edges and their classes) and where on the page an element can be clicked.
import type { Page } from 'playwright-core';

export interface DrawnElement {
  id: string;
  label: string;
  type: string;
  caption: string;
  classes: string[];
}

/** What the canvas holds, read from the Cytoscape instance its container carries. */
export async function drawn(page: Page): Promise<{ nodes: DrawnElement[]; edges: DrawnElement[] }> {
  return page.getByTestId('canvas').evaluate((container) => {
    type Element = { id(): string; data(name: string): string | undefined; classes(): string[] };
    const cy = (container as unknown as { _cyreg: { cy: { nodes(): Element[]; edges(): Element[] } } })._cyreg
      .cy;
    const facts = (e: Element) => ({
      id: e.id(),
      label: e.data('label') ?? '',
      type: e.data('type') ?? '',
      caption: e.data('caption') ?? '',
      classes: e.classes(),
    });
    return { nodes: cy.nodes().map(facts), edges: cy.edges().map(facts) };
  });
}

/** The ids of the drawn nodes not hidden or filtered out, sorted. */
export async function visibleNodeIds(page: Page): Promise<string[]> {
  const { nodes } = await drawn(page);
  return nodes
    .filter((n) => !n.classes.includes('hidden') && !n.classes.includes('filtered'))
    .map((n) => n.id)
    .sort();
}

export async function layoutRuns(page: Page): Promise<number> {
  return Number((await page.getByTestId('canvas').getAttribute('data-layout-run')) ?? 0);
}

/**
 * Where to point at an element on the page: a node's centre with the whole drawing in view; for
 * an edge, with its two ends filling the view, the first point along it (from the middle
 * outwards) that no node and no panel covers, as the layout is random.
 */
export async function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('the canvas has no bounding box');
  const at = await page.getByTestId('canvas').evaluate(
    (container, { elementId, origin }) => {
      type Point = { x: number; y: number };
      type Box = { x1: number; x2: number; y1: number; y2: number };
      type Node = { renderedPosition(): Point; renderedBoundingBox(o: object): Box };
      type Element = Node & { isNode(): boolean; source(): Node; target(): Node; connectedNodes(): unknown };
      type Cy = {
        getElementById(id: string): Element;
        nodes(): Node[];
        fit(eles?: unknown, padding?: number): void;
      };
      const cy = (container as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
      const element = cy.getElementById(elementId);
      if (element.isNode()) {
        cy.fit(undefined, 30);
        return element.renderedPosition();
      }
      cy.fit(element.connectedNodes(), 150);
      const [s, t] = [element.source().renderedPosition(), element.target().renderedPosition()];
      const free = (p: Point) =>
        !cy.nodes().some((n) => {
          const b = n.renderedBoundingBox({ includeLabels: false });
          return p.x >= b.x1 - 4 && p.x <= b.x2 + 4 && p.y >= b.y1 - 4 && p.y <= b.y2 + 4;
        }) && container.contains(document.elementFromPoint(origin.x + p.x, origin.y + p.y));
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        const p = { x: s.x + f * (t.x - s.x), y: s.y + f * (t.y - s.y) };
        if (free(p)) return p;
      }
      throw new Error(`no free point on ${elementId}`);
    },
    { elementId: id, origin: { x: box.x, y: box.y } },
  );
  return { x: box.x + at.x, y: box.y + at.y };
}

/** Asks the API from the page, with its session; throws on an error status. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return (await response.json()) as T;
  }, path);
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user').waitFor();
}

/** Where each drawn node is, in model coordinates rounded to a tenth. */
export async function nodePositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.getByTestId('canvas').evaluate((container) => {
    type Node = { id(): string; position(): { x: number; y: number } };
    const cy = (container as unknown as { _cyreg: { cy: { nodes(): Node[] } } })._cyreg.cy;
    const round = (v: number) => Math.round(v * 10) / 10;
    return Object.fromEntries(
      cy.nodes().map((n) => [n.id(), { x: round(n.position().x), y: round(n.position().y) }]),
    );
  });
}

/** Collects the page's script errors and Content-Security-Policy violations into `problems`. */
export function watchProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
}
