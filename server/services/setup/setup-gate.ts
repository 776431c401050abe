// The one-time setup link (as Grafana and Jenkins print one): while no admin exists, a random
// token, held in memory only, opens /console/setup; it is printed in the start-up log, so only
// someone who can read the server's log can make the first admin. A restart prints a new one;
// the first admin closes it for good.
import { timingSafeEqual } from 'node:crypto';
import { newToken } from '../secrets.js';

export class SetupGate {
  private token: string | null;

  constructor(open: boolean) {
    this.token = open ? newToken() : null;
  }

  get isOpen(): boolean {
    return this.token !== null;
  }

  /** The link to print, or null once an admin exists. */
  link(baseUrl: string): string | null {
    return this.token ? `${baseUrl.replace(/\/+$/, '')}/console/setup?token=${this.token}` : null;
  }

  accepts(token: string): boolean {
    if (!this.token) return false;
    const a = Buffer.from(token);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  close(): void {
    this.token = null;
  }
}
