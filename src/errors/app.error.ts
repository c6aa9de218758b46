/** Codes of expected refusals; GraphQL exposes them as `extensions.code`, REST as `error.code`. */
export type AppErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'QUEUE_FULL'
  /** Instagram kept failing (outage, throttle) while a user waited: try again later. */
  | 'INSTAGRAM_UNAVAILABLE';

/** An expected refusal: a code, a message safe to show the caller, the input field at fault. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
