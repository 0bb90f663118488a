import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidRequestError, type FieldError } from './problems/http-errors';

/**
 * Bodies and queries are checked against their DTOs; unknown fields are refused, not dropped,
 * so that a client's typo is told and not silently lost.
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InvalidRequestError(fieldErrors(errors)),
  });
}

/** class-validator's errors as the problem's `errors`: one entry per field, by its path. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}
