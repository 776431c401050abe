// The demo shop's logged-in customer, whose identity the demo signs (server/routes/demo.ts). DEMO ONLY:
// anyone can fetch this customer's token from the demo route; a real shop signs on its own server.
export const DEMO_CUSTOMER = {
  sub: 'demo-customer-1',
  email: 'claire.dubois@example.com',
  name: 'Claire Dubois',
  orders: ['48213', '48217'],
} as const;

/** How long a demo token lives: long enough to try it, short like a real shop's should be. */
export const DEMO_TOKEN_TTL_S = 15 * 60;
