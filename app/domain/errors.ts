/**
 * Typed domain errors. Domain functions throw them; routes turn them into responses in
 * one place (app/http/http.server.ts). `messageKey` is a translation key so the user
 * reads the reason in their language.
 */
export class DomainError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}
export class NotFoundError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class ConflictError extends DomainError {}
export class ValidationError extends DomainError {
  constructor(
    messageKey: string,
    readonly fieldErrors: Record<string, string> = {},
    values: Record<string, string | number> = {},
  ) {
    super(messageKey, values);
  }
}

export function statusOf(error: DomainError): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ConflictError) return 409;
  return 400;
}
