// The order webhook client as this server configures it: timeout and http-on-loopback from the
// config, and a webhook given as a path ("/demo/order-status") called on this server itself.
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { OrderWebhookClient } from './order-webhook.js';

export function createOrderWebhookClient(app: FastifyInstance): OrderWebhookClient {
  return new OrderWebhookClient({
    timeoutMs: app.config.orderWebhookTimeoutMs,
    httpLoopback: app.config.webhookHttpLoopback,
    selfUrl: () => {
      const address = app.server.address() as AddressInfo | null;
      if (!address || typeof address !== 'object') return undefined;
      // Listening on every address: call ourselves on loopback; else on the one address we have.
      if (address.address === '0.0.0.0' || address.address === '::') return address.family === 'IPv6' ? `http://[::1]:${address.port}` : `http://127.0.0.1:${address.port}`;
      return address.family === 'IPv6' ? `http://[${address.address}]:${address.port}` : `http://${address.address}:${address.port}`;
    },
  });
}
