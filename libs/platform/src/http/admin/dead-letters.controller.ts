import { Body, Controller, Get, HttpCode, Inject, Optional, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiQuery } from '@nestjs/swagger';
import { SERVICE_NAME } from '../../service/service-tokens';
import { DEAD_LETTER_ADMIN, type AdministeredDeadLetter, type DeadLetterAdmin } from '../../service/dead-letter-admin';
import type { AuditedRequest } from '../access/audited-reads';
import { Actor, Allow, RequireScopes } from '../agency/agency.guard';
import { ADMIN_SCOPE, type AgencyActor } from '../agency/agency-token';
import { EdgeError } from '../problems/http-errors';
import { shapeOfValue } from './data-shape';
import { RedriveDeadLetterRequest } from './dead-letter-redrive.request.dto';
import { DeadLetterDetails, DeadLettersResponse, DeadLetterView } from './dead-letters.response.dto';

/** Ids as this API answers them: an id of another shape names no dead letter. */
const ID = /^\d{1,15}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
/** What a reveal's access record says, before the admin's own reason. */
export const REVEAL_READ_REASON = 'dead-letter.reveal-data';

/**
 * /admin/dead-letters — an admin lists this service's dead letters (messages its consumers gave up
 * on), inspects one, and sends one again to its topic once the cause is fixed. The messaging module
 * keeps them (DEAD_LETTER_ADMIN); nothing here shows a message's data unless asked, and then the
 * read is recorded.
 */
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Optional() @Inject(DEAD_LETTER_ADMIN) private readonly letters?: DeadLetterAdmin,
  ) {}

  /**
   * This service's dead letters, oldest first, redriven or not: what each was (its CloudEvents
   * type, id, source and time), where it was read, why it was given up on, whether it was sent
   * again, and when its data was erased with a person it names. Never its data or its key.
   */
  @Get()
  @ApiOkResponse({ type: DeadLettersResponse, description: 'A page of dead letters, oldest first.' })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'string', pattern: '^\\d{1,15}$' } })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async list(@Query('after') after?: string, @Query('limit') limitText?: string): Promise<DeadLettersResponse> {
    const letters = this.kept();
    if (after !== undefined && !ID.test(after)) {
      throw new EdgeError(400, 'after.invalid', 'after must be a dead-letter id this API returned');
    }
    const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
    if (!/^\d+$/.test(limitText ?? '1') || limit < 1 || limit > MAX_LIMIT) {
      throw new EdgeError(400, 'limit.invalid', `limit must be a whole number between 1 and ${MAX_LIMIT}`);
    }
    const page = await letters.page({ after: after === undefined ? undefined : Number(after), limit: limit + 1 });
    return {
      service: this.service,
      deadLetters: page.slice(0, limit).map(view),
      more: page.length > limit,
    };
  }

  /**
   * One dead letter: the above, whom it is about, its CloudEvents headers and the shape of its data
   * (field names and JSON types). With `reveal=data` also the data itself, for an admin who must
   * see what was refused: a read of personal data, recorded with `reason` in the access records.
   * Once erased it has no data: no shape (null), and revealed it reads `{"$erased": true}`.
   */
  @Get(':id')
  @ApiOkResponse({ type: DeadLetterDetails, description: 'The dead letter; its data only when revealed.' })
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: '^\\d{1,15}$' } })
  @ApiQuery({ name: 'reveal', required: false, schema: { type: 'string', enum: ['data'] } })
  @ApiQuery({
    name: 'reason',
    required: false,
    description: 'Why the data is revealed, for the access record.',
    schema: { type: 'string', minLength: 1, maxLength: 500 },
  })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async show(
    @Param('id') id: string,
    @Req() request: AuditedRequest,
    @Query('reveal') reveal?: string,
    @Query('reason') reason?: string,
  ): Promise<DeadLetterDetails> {
    const letters = this.kept();
    if (reveal !== undefined && reveal !== 'data') {
      throw new EdgeError(400, 'reveal.invalid', "reveal may only be 'data'");
    }
    if (reason !== undefined && (reason.trim().length === 0 || reason.length > 500)) {
      throw new EdgeError(400, 'reason.invalid', 'reason must be 1 to 500 characters');
    }
    const letter = await this.found(letters, id);
    const revealed = reveal === 'data';
    if (revealed) request.readReason = reason ? `${REVEAL_READ_REASON}: ${reason}` : REVEAL_READ_REASON;
    return {
      ...view(letter),
      personId: personOf(letter),
      headers: Object.fromEntries(
        Object.entries(letter.headers).filter(([name]) => name.startsWith('ce_') || name === 'content-type'),
      ),
      dataShape: letter.erasedAt ? null : shapeOfValue(letter.value),
      ...(revealed && { data: letter.erasedAt ? { $erased: true } : dataOf(letter.value) }),
    };
  }

  /**
   * Sends the dead letter again, unchanged, to the topic it was read from, and records who, when
   * and why. Every consumer of that topic reads it again; those that handled it already skip it by
   * their inbox. One sent again before is refused (409 `dead-letter.already-redriven`) unless
   * `force` is true; one whose data was erased with a person it names, always (409
   * `dead-letter.erased`: there is nothing left to send).
   */
  @Post(':id/redrive')
  @HttpCode(200)
  @ApiOkResponse({ type: DeadLetterView, description: 'Sent again: the dead letter with who, when and why.' })
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: '^\\d{1,15}$' } })
  @Allow('admin')
  @RequireScopes(ADMIN_SCOPE)
  async redrive(
    @Param('id') id: string,
    @Body() body: RedriveDeadLetterRequest,
    @Actor() actor: AgencyActor,
  ): Promise<DeadLetterView> {
    const letters = this.kept();
    if (!ID.test(id)) throw notFound(id);
    const outcome = await letters.redrive(Number(id), {
      by: { agencyId: actor.agencyId, clientId: actor.clientId, ...(actor.userId && { userId: actor.userId }) },
      reason: body.reason,
      force: body.force === true,
    });
    if (outcome.kind === 'not-found') throw notFound(id);
    if (outcome.kind === 'erased') {
      const at = outcome.letter.erasedAt?.toISOString();
      throw new EdgeError(
        409,
        'dead-letter.erased',
        `dead letter ${id} names a person who was erased (UU 27/2022); its data went with them at ${at}, so it cannot be sent again`,
        { erasedAt: at },
      );
    }
    if (outcome.kind === 'already-redriven') {
      const at = outcome.letter.redrivenAt?.toISOString();
      throw new EdgeError(
        409,
        'dead-letter.already-redriven',
        `dead letter ${id} was sent again at ${at}; send force: true to send it again anyway`,
        { redrivenAt: at },
      );
    }
    return view(outcome.letter);
  }

  private kept(): DeadLetterAdmin {
    if (!this.letters) throw new EdgeError(404, 'dead-letters.none', `${this.service} consumes no messages`);
    return this.letters;
  }

  private async found(letters: DeadLetterAdmin, id: string): Promise<AdministeredDeadLetter> {
    const letter = ID.test(id) ? await letters.find(Number(id)) : undefined;
    if (!letter) throw notFound(id);
    return letter;
  }
}

function notFound(id: string): EdgeError {
  return new EdgeError(404, 'dead-letter.not-found', `no dead letter ${ID.test(id) ? id : 'with that id'} here`);
}

function view(letter: AdministeredDeadLetter): DeadLetterView {
  const header = (name: string): string | null => letter.headers[name] ?? null;
  return {
    id: String(letter.id),
    consumerGroup: letter.consumerGroup,
    reason: letter.reason,
    detail: letter.detail,
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    event: { id: header('ce_id'), type: header('ce_type'), source: header('ce_source'), time: header('ce_time') },
    failedAt: letter.failedAt.toISOString(),
    redrivenAt: letter.redrivenAt?.toISOString() ?? null,
    redrivenBy: letter.redrivenBy,
    redriveReason: letter.redriveReason,
    erasedAt: letter.erasedAt?.toISOString() ?? null,
  };
}

/** The person the message is about: its CloudEvents subject, else its key (Lintas keys by person), when a UUID. */
function personOf(letter: AdministeredDeadLetter): string | null {
  const candidate = [letter.headers.ce_subject, letter.key].find(
    (id) => id !== undefined && id !== null && UUID.test(id),
  );
  return candidate?.toLowerCase() ?? null;
}

function dataOf(value: Buffer): unknown {
  const text = value.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
