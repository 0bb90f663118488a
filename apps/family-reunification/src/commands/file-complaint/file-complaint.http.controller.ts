import { Body, Controller, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { byRequest } from '@lintas/commands/write-cause';
import type { AgencyActor } from '@lintas/platform/http/agency/agency-token';
import { Actor, Allow } from '@lintas/platform/http/agency/agency.guard';
import { occurredAt } from '@lintas/platform/http/field-time';
import type { WriteResult } from '@lintas/platform/http/idempotency/write.interceptor';
import { deterministicUuid, NewId } from '@lintas/platform/http/request-context';
import { domainActor } from '../../application/domain-actor';
import { FileComplaintCommand } from './file-complaint.command';
import { FileComplaintRequest } from './file-complaint.request.dto';

@Controller('complaints')
export class FileComplaintController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  /**
   * A family's complaint (pengaduan), through the office or police station it came to, routed to the
   * agency responsible, which answers within 14 days; the complaint's id comes from the Idempotency-Key.
   */
  @Post()
  @Allow('dinas-sosial', 'polri')
  file(
    @Body() body: FileComplaintRequest,
    @Actor() actor: AgencyActor,
    @NewId('complaint') complaintId: string,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new FileComplaintCommand(
        {
          type: 'FileComplaint',
          complaintId,
          // The text must be sealed under someone's key: without a person, one made for the
          // complainant from the complaint's id, so that a retry names the same.
          personId: body.personId ?? deterministicUuid(`complainant:${complaintId}`),
          kind: body.kind,
          about: { type: body.subject.type, id: body.subject.id },
          channel: body.channel,
          text: body.text,
          routedTo: body.routedTo,
          actor: domainActor(actor),
          at: occurredAt(body.occurredAt),
        },
        byRequest(actor),
      ),
    );
  }
}
