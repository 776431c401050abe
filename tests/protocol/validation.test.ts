// Schema checks at the edge: what a hostile or buggy client may send is refused with a code.
import { describe, expect, it } from 'vitest';
import { validate } from '../../server/sockets/command.js';
import {
  AgentMessageSendSchema,
  ConversationSyncSchema,
  VisitorAuthSchema,
  VisitorMessageSendSchema,
} from '../../protocol/schemas.js';
import { AppError } from '../../server/services/app-error.js';

const good = { clientId: 'abcdefgh12', text: 'Where is my order?', page: { url: 'https://shop.test/', title: 'Shop' } };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof AppError ? err.code : 'THREW_OTHER';
  }
}

describe('protocol validation', () => {
  it('accepts a well-formed visitor message', () => {
    expect(validate(VisitorMessageSendSchema, good)).toEqual(good);
  });

  it.each([
    ['text as a number', { ...good, text: 42 }],
    ['text as an operator object', { ...good, text: { $regex: '.*' } }],
    ['empty text', { ...good, text: '' }],
    ['text over 5000 characters', { ...good, text: 'x'.repeat(5001) }],
    ['missing clientId', { text: 'hi' }],
    ['clientId with odd characters', { ...good, clientId: '../../etc/passwd' }],
    ['forged author', { ...good, author: 'agent' }],
    ['forged siteId', { ...good, siteId: 'other' }],
    ['forged status', { ...good, status: 'closed' }],
    ['__proto__ key', JSON.parse('{"clientId":"abcdefgh12","text":"hi","__proto__":{"admin":true}}')],
    ['constructor key', { ...good, constructor: { prototype: {} } }],
    ['page url too long', { ...good, page: { url: 'h'.repeat(3000), title: '' } }],
    ['null payload', null],
    ['array payload', [good]],
  ])('refuses %s with BAD_PAYLOAD', (_label, payload) => {
    expect(codeOf(() => validate(VisitorMessageSendSchema, payload))).toBe('BAD_PAYLOAD');
  });

  it('names the offending field in the message', () => {
    try {
      validate(VisitorMessageSendSchema, { ...good, text: 42 });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain('/text');
    }
  });

  it('checks agent and handshake payloads too', () => {
    expect(codeOf(() => validate(AgentMessageSendSchema, { conversationId: { $ne: null }, clientId: 'abcdefgh12', text: 'x' }))).toBe('BAD_PAYLOAD');
    expect(codeOf(() => validate(ConversationSyncSchema, { afterSeq: -1 }))).toBe('BAD_PAYLOAD');
    expect(codeOf(() => validate(VisitorAuthSchema, { siteId: 'demo', token: 'short' }))).toBe('BAD_PAYLOAD');
    expect(codeOf(() => validate(VisitorAuthSchema, { siteId: 'demo', languages: ['fr-FR', 'en'] }))).toBeUndefined();
  });
});
