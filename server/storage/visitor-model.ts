// Visitors in memory, indexed by id and by token, and bucketed into shards
// (visitors/<bucket>.json, by the first character of the id) so no write rewrites them all.
import { Low, Memory, type Adapter } from 'lowdb';
import type { VisitorRecord } from './records.js';

export interface VisitorBucket {
  visitors: VisitorRecord[];
}

export class VisitorModel {
  readonly buckets = new Map<string, Low<VisitorBucket>>();
  private byId = new Map<string, VisitorRecord>();
  /** Where each visitor sits in its bucket's list: an update replaces the record in place. */
  private slots = new Map<string, number>();
  private byToken = new Map<string, VisitorRecord>();

  /** `file(name)`: the shard file of a bucket, or null when nothing is written (in memory). */
  constructor(private readonly file: (name: string) => Adapter<VisitorBucket> | null) {}

  get(id: string) {
    return this.byId.get(id);
  }
  byTokenHash(siteId: string, tokenHash: string) {
    return this.byToken.get(`${siteId}:${tokenHash}`);
  }

  /** The bucket holding visitor `id` (made when missing), and its shard key. */
  bucketOf(id: string) {
    const key = `b${id.charCodeAt(0).toString(16)}`;
    let db = this.buckets.get(key);
    if (!db) {
      db = new Low<VisitorBucket>(this.file(`${key}.json`) ?? new Memory<VisitorBucket>(), { visitors: [] });
      this.buckets.set(key, db);
    }
    return { key: `v:${key}`, db };
  }

  /** Add or replace (by id) a frozen visitor record in its bucket and the indexes; returns its shard. */
  put(v: VisitorRecord) {
    const bucket = this.bucketOf(v.id);
    const visitors = bucket.db.data.visitors;
    const slot = this.slots.get(v.id);
    if (slot === undefined) {
      this.slots.set(v.id, visitors.length);
      visitors.push(v);
    } else visitors[slot] = v;
    this.index(v);
    return bucket;
  }

  /** A bucket read from its shard at start: its (frozen) records are indexed where they sit. */
  load(name: string, visitors: VisitorRecord[]) {
    const db = new Low<VisitorBucket>(this.file(name) ?? new Memory<VisitorBucket>(), { visitors });
    this.buckets.set(name.slice(0, -'.json'.length), db);
    visitors.forEach((v, i) => {
      this.index(v);
      this.slots.set(v.id, i);
    });
  }

  private index(v: VisitorRecord) {
    this.byId.set(v.id, v);
    this.byToken.set(`${v.siteId}:${v.tokenHash}`, v);
  }
}
