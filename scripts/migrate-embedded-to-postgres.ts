// npm run migrate:embedded-to-postgres -- <data dir>   (with DATABASE_URL set)
// Copies an embedded store into PostgreSQL. Stop the server first: the data folder is read as it
// is on disk. Safe to run again.
import { resolve } from 'node:path';
import { LowdbChatStore } from '../server/storage/lowdb-chat-store.js';
import { importEmbedded } from '../server/storage/postgres/import-embedded.js';

const dir = process.argv[2];
const url = process.env.DATABASE_URL;
if (!dir || !url) {
  console.error('usage: DATABASE_URL=postgres://… npm run migrate:embedded-to-postgres -- <data dir>');
  process.exit(2);
}
const source = new LowdbChatStore({ dir: resolve(dir) });
await source.open();
try {
  const counts = await importEmbedded(source, url, (c) => console.log(`  ${c.conversations} conversations, ${c.messages} messages…`));
  console.log(`copied ${counts.sites} sites, ${counts.agents} agents, ${counts.visitors} visitors, ${counts.conversations} conversations, ${counts.messages} messages`);
} finally {
  await source.close();
}
