// Acknowledged messages survive a restart on the embedded store.
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { Message, VisitorSendResult } from '../../protocol/types.js';
import { clientId, closeClients, connectVisitor, ok, page, startServer, tempDir, waitFor } from '../helpers/server.js';

afterEach(() => closeClients());

describe('restart', () => {
  it('keeps the conversation, its messages and the visitor token across a restart', async () => {
    const data = await tempDir();
    try {
      const first = await startServer({ dataDir: data.dir });
      const visitor = connectVisitor(first.url, { siteId: 'demo', languages: ['en'] });
      await waitFor(visitor, 'connect');
      const bot = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot');
      const sent = await ok<VisitorSendResult>(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text: 'How long does delivery take?', page });
      await bot;
      closeClients();
      await first.close();

      const second = await startServer({ dataDir: data.dir });
      try {
        const back = connectVisitor(second.url, { siteId: 'demo', token: sent.token, languages: ['en'] });
        await waitFor(back, 'connect');
        const synced = await ok(back, VISITOR_CMD.conversationSync, { afterSeq: 0 });
        expect(synced.messages.map((m: Message) => [m.author, m.seq])).toEqual([
          ['visitor', 1],
          ['bot', 2],
        ]);
        expect(synced.messages[0].text).toBe('How long does delivery take?');
      } finally {
        await second.close();
      }
    } finally {
      await data.remove();
    }
  });
});
