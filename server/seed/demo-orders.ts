// The demo shop's orders, answered by its order-status webhook (server/routes/demo.ts) as a real shop's
// server would: only to a request Bulle signed, and only when the e-mail is the order's (or the
// request has none: Bulle sends none only for a customer the shop signed with that order).
// Dates are relative to today so the demo always reads as a parcel on its way.
import type { OrderStatus } from '../../protocol/schemas.js';

interface DemoOrder {
  email: string;
  status: OrderStatus['status'];
  carrier?: string;
  trackingNumber?: string;
  /** Days from today. */
  shipped?: number;
  eta?: number;
  items: { name: string; quantity?: number }[];
}

export const DEMO_ORDERS: Record<string, DemoOrder> = {
  '48213': {
    email: 'claire.dubois@example.com',
    status: 'shipped',
    carrier: 'Colissimo',
    trackingNumber: '6A12345678901',
    shipped: -2,
    eta: 2,
    items: [{ name: 'Vase Lune' }, { name: 'Bougie Marée', quantity: 2 }],
  },
  '48217': { email: 'claire.dubois@example.com', status: 'processing', eta: 5, items: [{ name: 'Plaid Nuit' }] },
  '51234': {
    email: 'jonas.weber@example.com',
    status: 'in_transit',
    carrier: 'DHL',
    trackingNumber: '00340434161094042557',
    shipped: -1,
    eta: 3,
    items: [{ name: 'Lampe Éclipse' }],
  },
  '52001': { email: 'lucia.garcia@example.com', status: 'delivered', carrier: 'Correos', trackingNumber: 'PQ4F6P0703418380128001K', shipped: -6, items: [{ name: 'Coussin Aube' }] },
  '53100': { email: 'sam.taylor@example.com', status: 'out_for_delivery', carrier: 'UPS', trackingNumber: '1Z999AA10123456784', shipped: -3, eta: 0, items: [{ name: 'Miroir Halo' }] },
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The webhook's answer for this order and e-mail, or undefined (404: unknown, or not this e-mail). */
export function demoOrderStatus(orderNumber: string, email: string | undefined): OrderStatus | undefined {
  const o = DEMO_ORDERS[orderNumber];
  if (!o || (email !== undefined && email.toLowerCase() !== o.email)) return undefined;
  return {
    status: o.status,
    ...(o.carrier ? { carrier: o.carrier } : {}),
    ...(o.trackingNumber ? { trackingNumber: o.trackingNumber } : {}),
    ...(o.shipped !== undefined ? { shippedAt: day(o.shipped) } : {}),
    ...(o.eta !== undefined ? { estimatedDelivery: day(o.eta) } : {}),
    items: o.items,
  };
}
