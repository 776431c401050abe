// The /visitor namespace: handshake (site, origin, optional token), then schema-checked commands.
// The visitor's identity lives in socket.data, set by the handshake or by the first message;
// no payload field can claim another identity.
import { ERR, VISITOR_CMD } from '../../protocol/events.js';
import type { VisitorCommands } from '../../protocol/visitor-events.js';
import {
  ContactSetSchema,
  ConversationEndSchema,
  RatingSendSchema,
  TranscriptSendSchema,
  ConversationReadSchema,
  ConversationSyncSchema,
  FeedbackSendSchema,
  HandoffRequestSchema,
  VisitorAuthSchema,
  VisitorMessageSendSchema,
  VisitorSetLangSchema,
  VisitorIdentifySchema,
  VisitorTypingSchema,
  VisitUpdateSchema,
} from '../../protocol/schemas.js';
import type { IdentityService } from '../services/identity/identity-service.js';
import type { FollowUpService } from '../services/follow-ups/follow-up-service.js';
import { FollowUpShownSchema } from '../../protocol/follow-up-schemas.js';
import type { VisitorDetails } from '../services/visitor/visitor-details.js';
import type { BotFeedback } from '../services/faq/bot-feedback.js';
import type { ChatEnding } from '../services/conversations/chat-ending.js';
import type { ChatMail } from '../services/mail/chat-mail.js';
import type { VisitorContext } from '../services/visitor/visitor-context.js';
import type { VisitorService } from '../services/visitor/visitor-service.js';
import type { SiteRegistry } from '../services/sites/site-registry.js';
import { settleHandshake, type VisitorGuard } from './handshake-guard.js';
import { cmd, commandTable, connectError, serveCommands, validate, type Logger } from './command.js';
import type { VisitorNamespace, VisitorSocket } from './namespaces.js';
import { rooms } from './rooms.js';
import { createSyncLimit } from './sync-limit.js';
import { AppError } from '../services/app-error.js';

interface Deps {
  visitors: VisitorService;
  /** The visit and the e-mail left when nobody is available. */
  details: VisitorDetails;
  /** "Did this help?" and the visitor's choice of language. */
  feedback: BotFeedback;
  /** Ending the chat and rating it. */
  ending: ChatEnding;
  /** The transcript by e-mail. */
  mail: ChatMail;
  sites: SiteRegistry;
  log: Logger;
  /** Origin per site and flood control (handshake-guard.ts). */
  guard: VisitorGuard;
  /** `visitor:identify`: the shop's signed customer. */
  identity: IdentityService;
  /** `followup:shown`: the widget showed a verified customer's follow-up. */
  followUps: FollowUpService;
}

export function setupVisitorNamespace(nsp: VisitorNamespace, deps: Deps): void {
  nsp.use(async (socket, next) => {
    try {
      const auth = validate(VisitorAuthSchema, socket.handshake.auth ?? {});
      const loaded = deps.sites.get(auth.siteId);
      // A disabled site looks unknown to its widget: nothing about it is told.
      if (!loaded || loaded.site.disabled) throw new AppError(ERR.unknownSite, `Unknown site "${auth.siteId}"`);
      // The site is only known from auth, so this check cannot happen in allowRequest alone.
      if (!deps.guard.originAllowed(loaded.site, socket)) {
        throw new AppError(ERR.badOrigin, 'This site does not allow the widget on this origin');
      }
      const ctx: VisitorContext = {
        siteId: auth.siteId,
        socketId: socket.id,
        languages: auth.languages?.length ? auth.languages : acceptLanguages(socket.handshake.headers['accept-language']),
      };
      if (auth.token) {
        const visitor = await deps.visitors.authenticate(auth.siteId, auth.token);
        if (!visitor) throw new AppError(ERR.unauthorized, 'Unknown visitor token');
        ctx.visitorId = visitor.id;
      }
      socket.data.visitor = ctx;
      deps.guard.limit(socket);
      next();
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError(ERR.internal, 'Handshake failed');
      if (!(err instanceof AppError)) deps.log.error({ err }, 'visitor handshake failed');
      next(connectError(e.code, e.message));
    }
  });

  const { visitors, details, feedback, ending, mail, log } = deps;
  const ctxOf = (socket: VisitorSocket) => socket.data.visitor;
  const syncLimit = createSyncLimit(deps.guard.sync);
  const commands = commandTable<VisitorCommands>(nsp.name, {
    [VISITOR_CMD.conversationSync]: cmd(ConversationSyncSchema, async (socket, p) => {
      await syncLimit(ctxOf(socket).visitorId ?? socket.id);
      return visitors.sync(ctxOf(socket), p.afterSeq);
    }),
    [VISITOR_CMD.messageSend]: cmd(VisitorMessageSendSchema, async (socket, p) => {
      const { result, visitorId } = await visitors.send(ctxOf(socket), p);
      await socket.join(rooms.visitor(visitorId));
      return result;
    }),
    [VISITOR_CMD.handoffRequest]: cmd(HandoffRequestSchema, async (socket, p) => {
      const { result, visitorId } = await visitors.requestHandoff(ctxOf(socket), p);
      await socket.join(rooms.visitor(visitorId));
      return result;
    }),
    [VISITOR_CMD.conversationRead]: cmd(ConversationReadSchema, (socket, p) => visitors.markRead(ctxOf(socket), p.seq)),
    [VISITOR_CMD.typingSet]: cmd(VisitorTypingSchema, (socket, p) => visitors.typing(ctxOf(socket), p.typing)),
    [VISITOR_CMD.visitUpdate]: cmd(VisitUpdateSchema, (socket, p) => details.update(ctxOf(socket), p)),
    [VISITOR_CMD.contactSet]: cmd(ContactSetSchema, (socket, p) => details.setContact(ctxOf(socket), p.email)),
    [VISITOR_CMD.feedbackSend]: cmd(FeedbackSendSchema, (socket, p) => feedback.send(ctxOf(socket).visitorId, p)),
    [VISITOR_CMD.conversationSetLang]: cmd(VisitorSetLangSchema, (socket, p) => feedback.setLang(ctxOf(socket).siteId, ctxOf(socket).visitorId, p)),
    [VISITOR_CMD.conversationEnd]: cmd(ConversationEndSchema, (socket) => ending.end(ctxOf(socket).visitorId)),
    [VISITOR_CMD.ratingSend]: cmd(RatingSendSchema, (socket, p) => ending.rate(ctxOf(socket).visitorId, p)),
    [VISITOR_CMD.transcriptSend]: cmd(TranscriptSendSchema, (socket, p) => mail.transcript(ctxOf(socket).visitorId, p)),
    [VISITOR_CMD.visitorIdentify]: cmd(VisitorIdentifySchema, (socket, p) => deps.identity.identify(ctxOf(socket), p)),
    [VISITOR_CMD.followUpShown]: cmd(FollowUpShownSchema, async (socket, p) => {
      await deps.followUps.shown(ctxOf(socket).siteId, ctxOf(socket).verified, p.eventId);
      return {};
    }),
  });

  nsp.on('connection', (socket) => {
    const ctx = ctxOf(socket);
    if (ctx.visitorId) void socket.join(rooms.visitor(ctx.visitorId));
    ctx.userAgent ??= socket.handshake.headers['user-agent']?.slice(0, 512);
    settleHandshake(socket);
    serveCommands(socket, commands, log);
  });
}

/** "fr-CH,fr;q=0.9,en;q=0.8" → ["fr-CH", "fr", "en"] (at most 10, order kept). */
function acceptLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => part.split(';')[0]!.trim())
    .filter((tag) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag))
    .slice(0, 10);
}
