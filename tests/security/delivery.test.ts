// Delivery, as the access work relies on it: an ack means the message is on disk
// (group commit: the ack waits for the flush that holds it), a resend with the same clientId
// is stored once, and a client that was away gets what it missed from the store by seq.
// With a 50 ms flush window, an ack sent before its write would be caught reading the file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult, VisitorSyncResult } from '../../protocol/types.js';
import { manualMode } from './fixtures.js';
import { readLogsSync } from '../../server/storage/wal.js';
import { ack, clientId, closeClients, connectAgent, connectVisitor, ok, page, startServer, tempDir, waitFor, type TestServer } from '../helpers/server.js';

let server: TestServer;
let data: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  data = await tempDir();
  server = await startServer({ dataDir: data.dir, flushIntervalMs: 50, visitorMessageBurst: 100, visitorMessagesPerSecond: 100 });
  await manualMode(server.url);
});
afterAll(async () => {
  await server.close();
  await data.remove();
});
afterEach(() => closeClients());

/** Read the conversation's shard and the write-ahead log now, synchronously: what a kill -9 at this instant would leave. */
const onDisk = (conversationId: string): Message[] => {
  const file = join(data.dir, 'conversations', `${conversationId}.json`);
  const messages = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { messages: Message[] }).messages : [];
  for (const r of readLogsSync(data.dir).flat()) {
    if (r.k === 'msg' && r.v.conversationId === conversationId && r.v.seq === messages.length + 1) messages.push(r.v);
  }
  return messages;
};

describe('acknowledged = written', () => {
  it('every acked visitor message is in its file when the ack arrives, with its seq and clientId', async () => {
    const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(visitor, 'connect');
    const first = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'I want to talk to a human', page });
    const conversationId = first.message.conversationId;
    const misses: string[] = [];
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => {
        const id = clientId();
        return new Promise<void>((resolve) => {
          visitor.emit(VISITOR_CMD.messageSend, { clientId: id, text: `message ${i}` }, (res: { ok: boolean; data: VisitorSendResult }) => {
            const stored = onDisk(conversationId).find((m) => m.clientId === id);
            if (!res.ok || !stored || stored.seq !== res.data.message.seq) misses.push(id);
            resolve();
          });
        });
      }),
    );
    expect(misses).toEqual([]);
    const seqs = onDisk(conversationId).map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1)); // 1, 2, 3… no gap, no repeat
  });

  it('an acked agent reply is on disk too; resends are stored once; a returning visitor gets what it missed', async () => {
    const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['en'] });
    await waitFor(visitor, 'connect');
    const { conversation, token } = await ok<{ conversation: { id: string }; token: string }>(visitor, VISITOR_CMD.handoffRequest, { page });
    const sam = await connectAgent(server.url, 'sam@demo.bulle.chat', 'demo-sam');
    await ok(sam, AGENT_CMD.conversationClaim, { conversationId: conversation.id });
    const synced = await ok<VisitorSyncResult>(visitor, VISITOR_CMD.conversationSync, { afterSeq: 0 });
    const seen = synced.conversation!.lastSeq;
    visitor.close();

    // While the visitor is away: the agent replies twice, once resending the same clientId.
    const reply = { conversationId: conversation.id, clientId: clientId(), text: 'Sam here.' };
    const a = await ok<{ message: Message }>(sam, AGENT_CMD.messageSend, reply);
    expect(onDisk(conversation.id).find((m) => m.clientId === reply.clientId)?.seq).toBe(a.message.seq);
    const again = await ok<{ message: Message }>(sam, AGENT_CMD.messageSend, reply);
    expect(again.message.id).toBe(a.message.id);
    await ok(sam, AGENT_CMD.messageSend, { conversationId: conversation.id, clientId: clientId(), text: 'Still there?' });
    expect(onDisk(conversation.id).filter((m) => m.clientId === reply.clientId)).toHaveLength(1);

    // The visitor comes back with its token and asks for what came after the last seq it had.
    const back = connectVisitor(server.url, { siteId: 'demo', token });
    await waitFor(back, 'connect');
    const missed = await ok<VisitorSyncResult>(back, VISITOR_CMD.conversationSync, { afterSeq: seen });
    expect(missed.messages.map((m) => m.text)).toEqual(expect.arrayContaining(['Sam here.', 'Still there?']));
    expect(missed.messages.every((m) => m.seq > seen)).toBe(true);
    const resend = await ack<VisitorSendResult>(back, VISITOR_CMD.messageSend, { clientId: 'same-id-123', text: 'Thanks' });
    const resend2 = await ack<VisitorSendResult>(back, VISITOR_CMD.messageSend, { clientId: 'same-id-123', text: 'Thanks' });
    expect(resend.ok && resend2.ok && resend.data.message.id === resend2.data.message.id).toBe(true);
    expect(onDisk(conversation.id).filter((m) => m.clientId === 'same-id-123')).toHaveLength(1);
    // A live fact and the stored record agree.
    const live = waitFor<Message>(back, SERVER_EVT.messageCreated, (m) => m.author === 'agent');
    const sent = await ok<{ message: Message }>(sam, AGENT_CMD.messageSend, { conversationId: conversation.id, clientId: clientId(), text: 'Bye' });
    expect((await live).seq).toBe(sent.message.seq);
  });
});
