import type { Command } from 'commander';
import { AdminRefusal, type AdminClient } from '../admin-client';
import { integerAtLeast } from '../integer-argument';

interface FeedItem {
  sequence: number;
  personId: string;
  /** The CloudEvent, as a webhook delivers it. */
  event: { type?: string; time?: string } & Record<string, unknown>;
}

interface FeedPage {
  subscriptionId: string;
  items: FeedItem[];
  next: number;
}

/** The longest the service lets a read wait for an event (ReferralFeedQuery.wait). */
const LONG_POLL_SECONDS = 30;
const MAX_PAUSE_MS = 30_000;

/**
 * `lintas feed referrals`: the referral events an RSJ may see, pulled, with the RSJ's own client;
 * numbered as its webhooks number them, so a receiver that was down catches up here. With
 * `--follow` it reads on (long polls) and prints each event as one JSON line, for a pipe.
 */
export function feedCommands(
  program: Command,
  rsj: () => Promise<AdminClient>,
  healthLiaisonUrl: () => string,
  json: () => boolean,
): void {
  const feed = program
    .command('feed')
    .description("an RSJ's feeds at health-liaison, pulled (with the RSJ's own client)");

  feed
    .command('referrals')
    .description('the referral events the RSJ may see, in sequence order (as its webhooks number them)')
    .option(
      '--after <sequence>',
      'only the events after this sequence number (the last one you have)',
      integerAtLeast(0),
      0,
    )
    .option('--subscription <id>', "the numbering of one of the RSJ's webhook subscriptions, instead of its own feed's")
    .option('--limit <n>', 'at most this many per read (1–1000, default 100)', integerAtLeast(1))
    .option('--follow', 'read on, waiting for new events, one JSON line each, until interrupted')
    .action(async (options: { after: number; subscription?: string; limit?: number; follow?: boolean }) => {
      const client = await rsj();
      const read = async (after: number, wait: number): Promise<FeedPage> => {
        const query = new URLSearchParams({
          after: String(after),
          wait: String(wait),
          ...(options.subscription !== undefined && { subscriptionId: options.subscription }),
          ...(options.limit !== undefined && { limit: String(options.limit) }),
        });
        return (await client.callAt(healthLiaisonUrl(), 'GET', `/feeds/referrals?${query}`)) as FeedPage;
      };

      if (!options.follow) {
        const page = await read(options.after, 0);
        if (json()) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        if (page.items.length === 0) return void process.stdout.write(`no events after ${options.after}\n`);
        for (const item of page.items) {
          process.stdout.write(
            `${String(item.sequence).padStart(6)}  ${item.event.time ?? '-'}  ${item.event.type ?? '-'}  ${item.personId}\n`,
          );
        }
        return void process.stdout.write(`next: --after ${page.next}\n`);
      }

      let after = options.after;
      let pause = 1_000;
      for (;;) {
        let page: FeedPage;
        try {
          page = await read(after, LONG_POLL_SECONDS);
        } catch (error) {
          // A refusal stays one (a revoked client, an unknown subscription); a service that restarts
          // or a dropped connection is waited out, as a follower is expected to outlive it.
          if (error instanceof AdminRefusal && error.status < 500 && error.status !== 429) throw error;
          process.stderr.write(`lintas: ${describe(error)}; reading again in ${pause / 1000} s\n`);
          await new Promise((resolve) => setTimeout(resolve, pause));
          pause = Math.min(pause * 2, MAX_PAUSE_MS);
          continue;
        }
        pause = 1_000;
        for (const item of page.items) process.stdout.write(`${JSON.stringify(item)}\n`);
        after = page.next;
      }
    });
}

/** fetch says only "fetch failed"; its cause says why (ECONNREFUSED, a reset). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
