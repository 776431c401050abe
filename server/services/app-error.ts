// Errors that cross the wire as data: services throw AppError, the socket
// and HTTP edges turn it into `{ ok: false, error: { code, message } }`.
import { ERR, type ErrorCode } from '../../protocol/events.js';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_SITE: 404,
  BAD_ORIGIN: 403,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  IDENTITY_REQUIRED: 403,
  BAD_SIGNATURE: 401,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get statusCode(): number {
    return HTTP_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError(ERR.notFound, `${what} not found`);
export const forbidden = (why: string) => new AppError(ERR.forbidden, why);
