/** Expected refusals of the batch layer; GraphQL exposes `code` as `extensions.code`. */
export type AppErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'QUEUE_FULL' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED';

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
