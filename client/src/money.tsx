// The data's currency, known to every panel: learned from the declaration lines the explorer
// sees (a Shipment's `currency`), and at start from one line of the top ring's first member, so
// the ring list shows it before anything is on the canvas.
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { api } from './api/endpoints.ts';
import type { ApiNode } from './api/schemas.ts';
import { formatMoney } from './format.ts';

/** The ISO 4217 code of a declaration line's value; null for any other node or none stated. */
export function currencyOf(node: ApiNode): string | null {
  const currency = node.props.currency;
  return node.label === 'Shipment' && typeof currency === 'string' && /^[A-Z]{3}$/.test(currency)
    ? currency
    : null;
}

async function probeCurrency(): Promise<string | null> {
  const top = (await api.rings(1)).rings[0];
  if (!top) return null;
  const ring = await api.ring(top.id);
  for (const node of ring.nodes) if (currencyOf(node)) return currencyOf(node);
  const member = ring.ring.members[0];
  if (!member) return null;
  // The answer counts the member itself: two nodes bring one line.
  const around = await api.lines(`${member.label}:${member.id}`, 2);
  return around.nodes.map(currencyOf).find(Boolean) ?? null;
}

/** The currency, from the canvas's lines when it holds any, else from the start-up probe. */
export function useCurrency(nodes: Record<string, ApiNode>): string | null {
  const [probed, setProbed] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    probeCurrency()
      .then((found) => current && setProbed(found))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  const seen = useMemo(() => {
    for (const node of Object.values(nodes)) {
      const found = currencyOf(node);
      if (found) return found;
    }
    return null;
  }, [nodes]);
  return seen ?? probed;
}

export const CurrencyContext = createContext<string | null>(null);

export type Money = (value: number, options?: { compact?: boolean }) => string;

/** The money formatter with the data's currency. */
export function useMoney(): Money {
  const currency = useContext(CurrencyContext);
  return (value, options) => formatMoney(value, currency, options);
}

export function useCurrencyCode(): string | null {
  return useContext(CurrencyContext);
}
