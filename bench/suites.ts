import type { BenchSuite } from './harness/suite';
import { eventStoreAppendSuite } from './suites/event-store/append-suite';
import { eventStoreHistorySuite } from './suites/event-store/history-suite';
import { evidenceSuite } from './suites/evidence/evidence-suite';
import { journeySuite } from './suites/journey/journey-suite';
import { ledgerSuite } from './suites/ledger/ledger-suite';
import { matchingSuite } from './suites/matching/matching-suite';
import { messagingSuite } from './suites/messaging/messaging-suite';
import { securitySuite } from './suites/security/security-suite';
import { webhooksSuite } from './suites/webhooks/webhooks-suite';

/** The suites `npm run bench` runs, in order. Each compares Lintas with the raw ceiling and Emmett. */
export const suites: BenchSuite[] = [
  eventStoreAppendSuite,
  eventStoreHistorySuite,
  messagingSuite,
  securitySuite,
  journeySuite,
  evidenceSuite,
  ledgerSuite,
  webhooksSuite,
  matchingSuite,
];
