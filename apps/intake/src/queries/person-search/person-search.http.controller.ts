import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { EdgeError } from '@lintas/platform/http/problems/http-errors';
import { MinPosition } from '@lintas/platform/http/request-context';
import { PersonSearchReadModel } from './person-search.read-model';
import { PersonFound } from './person-search.response.dto';

@Controller('persons')
export class PersonSearchController {
  constructor(@Inject(PersonSearchReadModel) private readonly persons: PersonSearchReadModel) {}

  /**
   * Persons of the caller's cases by case number, NIK, a name (spelling variants, titles and order
   * do not matter) or words of their marks: at most 50, newest case first. Nobody of another
   * office's cases: to a supervisor elsewhere the person does not exist.
   */
  @Get()
  @ApiQuery({
    name: 'q',
    required: true,
    description: 'A case number, a NIK, a name or words of a mark.',
    schema: { type: 'string', minLength: 2, maxLength: 200, example: 'Sumarni' },
  })
  @ApiOkResponse({ type: [PersonFound], description: 'The persons found, newest case first; at most 50.' })
  @Allow('dinas-sosial', 'dinas-sosial-provinsi', 'admin')
  search(
    @Actor() actor: AgencyActor,
    @Query('q') q?: string,
    @MinPosition() minPosition?: string,
  ): Promise<PersonFound[]> {
    if (q === undefined || q.trim().length < 2 || q.length > 200) {
      throw new EdgeError(400, 'search.invalid', 'q must be 2 to 200 characters: a case number, a NIK or a name');
    }
    return this.persons.search(actor, q, minPosition);
  }
}
