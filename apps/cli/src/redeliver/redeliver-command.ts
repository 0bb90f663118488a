import type { Command } from 'commander';
import type { AdminClient } from '../admin-client';
import { serviceUrl, withService, type ServiceChoice } from '../service-option';
import { UsageError } from '../exit-codes';

interface Options extends ServiceChoice {
  reason: string;
  fromPosition?: string;
  toPosition?: string;
  from?: string;
  to?: string;
  eventId?: string[];
  person?: string;
  topic?: string;
  group?: string;
}

interface Redelivery {
  redeliveryId: string;
  events: number;
  firstPosition: string;
  lastPosition: string;
  topics: string[];
}

/**
 * `lintas redeliver`: a service publishes some of its events again, with their own ids, so that a
 * receiver that missed them handles them and one that had them skips them (by its inbox) — to every
 * consumer, or with `--group` to that consumer group alone (on `<topic>.redelivery.<group>`). The
 * service records who asked, why and what, and tells the ledger. Exit 2 without a reason or a selection.
 */
export function redeliverCommand(program: Command, admin: () => Promise<AdminClient>, json: () => boolean): void {
  const command = withService(program.command('redeliver'))
    .description('a service publishes some of its events again (same ids: receivers that had them skip them); recorded')
    .requiredOption('--reason <reason>', 'why they are sent again, for the record (1–500 characters; name no one)')
    .option('--from-position <position>', 'from this global position, inclusive (e.g. 812.4)')
    .option('--to-position <position>', 'up to this global position, inclusive')
    .option('--from <time>', 'recorded at or after this time (ISO 8601 with offset)')
    .option('--to <time>', 'recorded at or before this time')
    .option('--event-id <id...>', 'these events (their CloudEvents ids)')
    .option('--person <id>', 'the events about this person')
    .option('--topic <topic>', 'the events published on this topic (its name in the contracts)')
    .option('--group <group>', 'to this consumer group alone (e.g. lintas.rehabilitation), else to every consumer');
  command.action(async (options: Options) => {
    if (options.reason.trim() === '') throw new UsageError('--reason must say why, for the record');
    const selection = {
      ...(options.fromPosition !== undefined && { fromPosition: options.fromPosition }),
      ...(options.toPosition !== undefined && { toPosition: options.toPosition }),
      ...(options.from !== undefined && { from: options.from }),
      ...(options.to !== undefined && { to: options.to }),
      ...(options.eventId !== undefined && { eventIds: options.eventId }),
      ...(options.person !== undefined && { personId: options.person }),
      ...(options.topic !== undefined && { topic: options.topic }),
    };
    if (Object.keys(selection).length === 0) {
      throw new UsageError(
        'which events? --from-position, --to-position, --from, --to, --event-id, --person or --topic',
      );
    }
    const url = serviceUrl(options);
    const redelivery = (await (
      await admin()
    ).callAt(url, 'POST', '/admin/redeliveries', {
      reason: options.reason,
      selection,
      ...(options.group !== undefined && { target: { consumerGroup: options.group } }),
    })) as Redelivery;
    if (json()) return void process.stdout.write(`${JSON.stringify(redelivery, null, 2)}\n`);
    process.stdout.write(
      `redelivery ${redelivery.redeliveryId}: ${redelivery.events} event(s), positions ${redelivery.firstPosition}` +
        ` to ${redelivery.lastPosition}, to ${redelivery.topics.join(', ')} (recorded)\n`,
    );
  });
}
