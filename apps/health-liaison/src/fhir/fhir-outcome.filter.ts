import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { PROBLEM_BASE, ProblemFilter, type ProblemDetails } from '@lintas/platform/http/problems/problem.filter';

export const FHIR_JSON = 'application/fhir+json';

/** FHIR's issue type for each status the platform answers with. */
const ISSUE_CODE: Record<number, OperationOutcomeIssue['code']> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'conflict',
  413: 'too-costly',
  415: 'not-supported',
  422: 'processing',
  429: 'throttled',
  504: 'timeout',
};

/**
 * The FHIR routes' errors: the same problem the platform's filter makes of an error (status, code,
 * detail, nothing personal), as an OperationOutcome in application/fhir+json. The problem's code
 * is the issue's `details` coding, its type URL the system.
 */
@Catch()
export class FhirOutcomeFilter extends ProblemFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const problem = this.problemOf(error, http.getRequest<Request>());
    const response = http.getResponse<Response>();
    if (error instanceof EdgeError) response.set(error.headers);
    response
      .status(problem.status)
      .type(FHIR_JSON)
      .send(JSON.stringify(operationOutcome(problem)));
  }
}

export function operationOutcome(problem: ProblemDetails): OperationOutcome {
  const fieldErrors = Array.isArray(problem['errors'])
    ? (problem['errors'] as { field: string; messages: string[] }[])
    : [];
  const issue = (diagnostics: string): OperationOutcomeIssue => ({
    severity: problem.status >= 500 ? 'fatal' : 'error',
    code: ISSUE_CODE[problem.status] ?? 'exception',
    details: { coding: [{ system: PROBLEM_BASE.replace(/\/$/, ''), code: problem.code }], text: problem.title },
    diagnostics,
  });
  return {
    resourceType: 'OperationOutcome',
    issue:
      fieldErrors.length > 0
        ? fieldErrors.map((field) => issue(`${field.field}: ${field.messages.join('; ')}`))
        : [issue(problem.detail)],
  };
}
