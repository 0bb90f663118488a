import { agency, AgencyClient, type ExchangeObserver, type TokenSource } from '../http/agency-client';

/** Where each service of a running Lintas answers. */
export interface ServiceUrls {
  // mutable: a restarted service answers on a new port
  intake: string;
  healthLiaison: string;
  rehabilitation: string;
  familyReunification: string;
  /** Only where the test started the audit service. */
  audit?: string;
}

/** The agencies of the journeys: two kabupaten offices, their units, two RSJ and a panti. */
export const AGENCIES = {
  satpolMalang: agency('satpol-pp', 'satpolpp-3507', '3507'),
  dinsosMalang: agency('dinas-sosial', 'dinsos-3507', '3507'),
  /** Kota Kediri: the region of origin of transferred persons. */
  dinsosKediri: agency('dinas-sosial', 'dinsos-3571', '3571'),
  rsjLawang: agency('rsj', 'rsj-lawang', '3507'),
  rsjMenur: agency('rsj', 'rsj-menur', '3578'),
  pantiKediri: agency('panti', 'panti-bina-laras-kediri', '3571'),
  admin: agency('admin', 'lintas-admin', '35'),
} as const;
export type AgencyName = keyof typeof AGENCIES;

/** Every agency's system, talking to every service, as in the field. */
export class JourneyWorld {
  /**
   * `observe`, if given, is told of every request the world's clients make and of its reply;
   * `tokens`, if given, issues the agencies' tokens instead of the test identity provider.
   */
  constructor(
    readonly urls: ServiceUrls,
    private readonly observe?: ExchangeObserver,
    private readonly tokens?: TokenSource,
  ) {}

  intake(as: AgencyName): AgencyClient {
    return this.client(this.urls.intake, as);
  }

  healthLiaison(as: AgencyName): AgencyClient {
    return this.client(this.urls.healthLiaison, as);
  }

  rehabilitation(as: AgencyName): AgencyClient {
    return this.client(this.urls.rehabilitation, as);
  }

  familyReunification(as: AgencyName): AgencyClient {
    return this.client(this.urls.familyReunification, as);
  }

  audit(as: AgencyName): AgencyClient {
    if (!this.urls.audit) throw new Error('the audit service was not started: RunningLintas withAudit');
    return this.client(this.urls.audit, as);
  }

  private client(url: string, as: AgencyName): AgencyClient {
    return new AgencyClient(url, AGENCIES[as], this.observe, this.tokens);
  }

  /** Each service's part of a person's journey: the event types, in order. */
  async journeys(personId: string): Promise<Record<Exclude<keyof ServiceUrls, 'audit'>, string[]>> {
    const read = async (url: string) => {
      const reply = await this.client(url, 'admin').get(`/persons/${personId}/journey`);
      if (reply.status !== 200) throw new Error(`journey at ${url}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return (reply.body.steps as { type: string }[]).map((step) => step.type);
    };
    const [intake, healthLiaison, rehabilitation, familyReunification] = await Promise.all([
      read(this.urls.intake),
      read(this.urls.healthLiaison),
      read(this.urls.rehabilitation),
      read(this.urls.familyReunification),
    ]);
    return { intake, healthLiaison, rehabilitation, familyReunification };
  }
}
