import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../config/logger.js';
import { AppError, type AppErrorCode } from '../errors/app.error.js';

export const HTTP_STATUS_OF: Record<AppErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  QUEUE_FULL: 429,
  INSTAGRAM_UNAVAILABLE: 503,
};

/** The one JSON shape of every refusal (the old REST API's), never Express's HTML page. */
export function sendError(res: Response, error: AppError): void {
  res.status(HTTP_STATUS_OF[error.code]).json({
    success: false,
    error: { code: error.code, message: error.message, field: error.field ?? null },
  });
}

/** body-parser's own refusals, answered as what they are. */
function fromBodyParser(error: { type?: unknown; limit?: unknown }): AppError | null {
  if (error.type === 'entity.too.large')
    return new AppError(
      'PAYLOAD_TOO_LARGE',
      `the request body exceeds ${String(error.limit)} bytes`,
    );
  if (error.type === 'entity.parse.failed')
    return new AppError('BAD_USER_INPUT', 'the request body is not valid JSON');
  return null;
}

/**
 * Last in the chain: expected refusals keep their code; anything else is logged with a request
 * id and answered as a generic 500 carrying that id, with no detail.
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known =
      error instanceof AppError
        ? error
        : fromBodyParser((error ?? {}) as { type?: unknown; limit?: unknown });
    if (known) {
      sendError(res, known);
      return;
    }
    const requestId = randomUUID();
    logger.error({ err: error, requestId, path: req.path }, 'HTTP request failed');
    res.status(500).json({
      success: false,
      error: { code: 'INTERNAL', message: 'Internal server error', field: null, requestId },
    });
  };
}

/** After every route: an unknown path is a JSON 404 too, never Express's "Cannot GET" page. */
export function notFoundMiddleware(): RequestHandler {
  return (req, res) => {
    sendError(res, new AppError('NOT_FOUND', `no route ${req.method} ${req.path.slice(0, 200)}`));
  };
}
