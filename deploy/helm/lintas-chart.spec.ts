import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { stringify } from 'yaml';
import { loadEnv } from '@lintas/platform/config/load-env';
import { ServiceEnv } from '@lintas/platform/config/service-env';
import { ConsoleEnv } from '../../apps/console/src/console-env';
import { IdentityEnv } from '../../apps/identity/src/identity-env';
import { CrdSchemas } from './crd-schemas';
import { runChart, type ChartRun, type K8sObject } from './render-chart';
import { CODE, flowsOf, SERVICE_MODULES, topicsOfTheCode, type ServiceName } from './service-topology';

/**
 * The Helm chart in deploy/helm/lintas, checked without a cluster: Helm (embedded, through
 * test/deploy/helm-runner) lints it and renders it with several values files; every core object
 * must pass kubernetes-models' validation, every Strimzi and CloudNativePG resource its operator's
 * own CRD schema with unknown fields refused; and what the chart wires must agree with the code:
 * the topics and partitions the services create, the topics each reads and writes, the settings
 * each service refuses to start without. The admin console (console.enabled) is checked the same
 * way, and its NetworkPolicy by what it lets the console reach.
 */

const VALUES = join(__dirname, '..', '..', 'test', 'deploy', 'values');

/**
 * The console's values, written here for the render: off by default, on in the production example;
 * these add it beside another issuer (no identity app, a port of its own), with its Secret made by
 * the chart, and the installations Helm must refuse (no console URL, no public issuer, plain http).
 */
const CONSOLE_VALUES_DIR = mkdtempSync(join(tmpdir(), 'lintas-console-values-'));
function consoleValues(name: string, values: object): string {
  const file = join(CONSOLE_VALUES_DIR, `${name}.yaml`);
  writeFileSync(file, stringify(values));
  return file;
}
const KEYCLOAK_ISSUER = 'https://sso.jatimprov.go.id:8443/realms/lintas';

const RENDERS = {
  default: undefined,
  production: join(__dirname, 'examples', 'production.yaml'),
  chartMadeSecrets: join(VALUES, 'chart-made-secrets.yaml'),
  prefixedKeycloak: join(VALUES, 'prefixed-keycloak.yaml'),
  restore: join(VALUES, 'restore.yaml'),
  restoreWithoutStore: join(VALUES, 'restore-without-store.yaml'),
  consoleKeycloak: consoleValues('console-keycloak', {
    identity: { issuer: KEYCLOAK_ISSUER, app: { enabled: false } },
    console: {
      enabled: true,
      // The trailing slash goes: the console refuses one in CONSOLE_URL.
      url: 'https://konsol.lintas.jatimprov.go.id/',
      clientId: 'lintas-konsol',
      secret: {
        stringData: { CONSOLE_CLIENT_SECRET: 'placeholder-not-a-secret', CONSOLE_SESSION_SECRET: 'placeholder' },
      },
    },
  }),
  consoleWithoutUrl: consoleValues('console-without-url', {
    identity: { issuer: 'https://id.lintas.jatimprov.go.id' },
    console: { enabled: true },
  }),
  consoleOverHttp: consoleValues('console-over-http', {
    identity: { issuer: 'https://id.lintas.jatimprov.go.id' },
    console: { enabled: true, url: 'http://konsol.lintas.jatimprov.go.id' },
  }),
  consoleWithInClusterIssuer: consoleValues('console-in-cluster-issuer', {
    console: { enabled: true, url: 'https://konsol.lintas.jatimprov.go.id' },
  }),
};
type RenderName = keyof typeof RENDERS;
const VALID_RENDERS: RenderName[] = [
  'default',
  'production',
  'chartMadeSecrets',
  'prefixedKeycloak',
  'restore',
  'consoleKeycloak',
];
const SERVICES = Object.keys(SERVICE_MODULES) as ServiceName[];
/** The components that are not one of the five services, and what the console has none of. */
const NOT_SERVICES = ['identity', 'console'];

const CORE_MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

let run: ChartRun;
const crds = new CrdSchemas();

beforeAll(async () => {
  run = await runChart(RENDERS);
  // The first run builds the runner with Maven (downloads from Maven Central); later ones take seconds.
}, 600_000);

afterAll(() => {
  rmSync(CONSOLE_VALUES_DIR, { recursive: true, force: true });
});

function objects(render: RenderName): K8sObject[] {
  const result = run.renders[render];
  if (!result || 'error' in result) throw new Error(`Helm did not render ${render}: ${result?.error ?? 'no result'}`);
  return result.objects;
}

function ofKind<T = K8sObject>(render: RenderName, kind: string): (K8sObject & T)[] {
  return objects(render).filter((object) => object.kind === kind) as (K8sObject & T)[];
}

function one<T = K8sObject>(render: RenderName, kind: string, name: string): K8sObject & T {
  const found = ofKind<T>(render, kind).find((object) => object.metadata.name === name);
  if (!found) throw new Error(`${render} renders no ${kind} ${name}`);
  return found;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string } }[];
  volumeMounts?: { name: string; mountPath: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  startupProbe?: { httpGet?: { path: string; port: string } };
  livenessProbe?: { httpGet?: { path: string; port: string } };
  readinessProbe?: { httpGet?: { path: string; port: string } };
}
interface Volume {
  name: string;
  secret?: { secretName: string; items?: { key: string; path: string }[] };
  emptyDir?: object;
}
interface PodSpec {
  containers: Container[];
  volumes?: Volume[];
  securityContext?: { runAsNonRoot?: boolean };
}
type DeploymentObject = K8sObject & {
  spec: { replicas?: number; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
};

/** Secret values the test stands in for, in the shape each setting must have. */
const STAND_INS: Record<string, string> = {
  PERSONAL_DATA_KEY: `${'A'.repeat(43)}=`,
  WEBHOOK_SIGNING_KEY: `${'B'.repeat(43)}=`,
  CONSOLE_CLIENT_SECRET: 'C'.repeat(43),
  CONSOLE_SESSION_SECRET: `${'D'.repeat(43)}=`,
  username: 'lintas_role',
  password: 'c0ffee'.repeat(10),
};

/**
 * A container's environment as Kubernetes gives it: its ConfigMaps, then its env entries in order,
 * $(VAR) expanded from those before; Secrets by stand-ins, an optional one left unset.
 */
function environmentOf(render: RenderName, container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name ?? '';
    Object.assign(env, one<{ data: Record<string, string> }>(render, 'ConfigMap', name).data);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    if (secret?.optional) continue;
    const value = secret
      ? STAND_INS[secret.key]
      : variable.value?.replace(/\$\((\w+)\)/g, (_, name: string) => env[name] ?? '');
    if (value === undefined) throw new Error(`${container.name}: no stand-in for ${variable.name} (${secret?.key})`);
    env[variable.name] = value;
  }
  return env;
}

function componentOf(deployment: DeploymentObject): string {
  return deployment.spec.template.metadata.labels['app.kubernetes.io/component'] ?? '';
}

describe('the Helm chart deploy/helm/lintas', () => {
  it('passes helm lint --strict', () => {
    expect(run.lint.messages.filter((message) => /\[(ERROR|WARNING)\]/.test(message))).toEqual([]);
    expect(run.lint.passed).toBe(true);
  });

  describe.each(VALID_RENDERS)('rendered with the %s values', (render) => {
    it('renders', () => {
      expect(objects(render).length).toBeGreaterThan(0);
    });

    it('renders only valid core objects (kubernetes-models)', () => {
      const problems: string[] = [];
      for (const object of objects(render).filter((o) => !crds.knows(o.apiVersion, o.kind))) {
        const Model = CORE_MODELS[`${object.apiVersion}/${object.kind}`];
        if (!Model) {
          problems.push(`${object.kind} ${object.metadata.name}: no validator for ${object.apiVersion}`);
          continue;
        }
        try {
          new Model(object as never).validate();
        } catch (error) {
          problems.push(`${object.kind} ${object.metadata.name}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it("renders every Strimzi and CloudNativePG resource as its operator's CRD allows, unknown fields refused", () => {
      const custom = objects(render).filter((o) => /(strimzi|cnpg)\.io\//.test(o.apiVersion));
      expect(custom.length).toBeGreaterThan(0);
      const problems = custom.flatMap((o) => crds.problems(o).map((p) => `${o.kind} ${o.metadata.name}: ${p}`));
      expect(problems).toEqual([]);
    });

    it('gives every object a name Kubernetes takes', () => {
      // RFC 1123: a DNS subdomain, and a DNS label for Services (they become host names).
      const subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
      const label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
      for (const object of objects(render)) {
        expect(object.metadata.name).toMatch(object.kind === 'Service' ? label : subdomain);
        expect(object.metadata.name.length).toBeLessThanOrEqual(object.kind === 'Service' ? 63 : 253);
      }
    });

    it('runs every component non-root on a read-only root, with probes and resource requests', () => {
      const deployments = ofKind<DeploymentObject>(render, 'Deployment');
      const services = deployments.filter((d) => !NOT_SERVICES.includes(componentOf(d)));
      expect(services.map(componentOf).sort()).toEqual([...SERVICES].sort());
      for (const deployment of deployments) {
        const pod = deployment.spec.template.spec;
        expect(pod.securityContext?.runAsNonRoot).toBe(true);
        for (const container of pod.containers) {
          const where = `${deployment.metadata.name}/${container.name}`;
          expect([where, container.resources?.requests?.cpu, container.resources?.requests?.memory]).toEqual([
            where,
            expect.any(String),
            expect.any(String),
          ]);
          expect(container.resources?.limits?.memory).toEqual(expect.any(String));
          expect(container.securityContext).toMatchObject({
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
          });
          expect(container.ports?.some((port) => port.name === 'http')).toBe(true);
          for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
            expect(probe?.httpGet?.port).toBe('http');
          }
        }
      }
      // The console's probes are the services' (live: the process; ready: its issuer answers).
      for (const deployment of deployments.filter((d) => componentOf(d) !== 'identity')) {
        const [container] = deployment.spec.template.spec.containers;
        expect(container?.args).toEqual([componentOf(deployment)]);
        expect(container?.livenessProbe?.httpGet?.path).toBe('/health/live');
        expect(container?.startupProbe?.httpGet?.path).toBe('/health/live');
        expect(container?.readinessProbe?.httpGet?.path).toBe('/health/ready');
      }
    });

    it('gives each component the settings its own start-up check asks for in production', () => {
      for (const deployment of ofKind<DeploymentObject>(render, 'Deployment')) {
        const component = componentOf(deployment);
        const [container] = deployment.spec.template.spec.containers;
        if (!container) throw new Error(`${deployment.metadata.name} has no container`);
        const env = environmentOf(render, container);
        expect(env.NODE_ENV).toBe('production');
        // loadEnv throws, naming each bad variable, where the service would exit with 78.
        if (component === 'identity') loadEnv(IdentityEnv, env);
        // The console's own production checks too (main.ts exits with 78 on any): https, its secret.
        else if (component === 'console') expect(loadEnv(ConsoleEnv, env).productionProblems()).toEqual([]);
        else loadEnv(ServiceEnv, env);
        // The checks the services' own modules make at start in production (webhooks, ledger).
        if (component === 'health-liaison') expect(env.WEBHOOK_SIGNING_KEY).toBeDefined();
        if (component === 'audit') expect(env.LEDGER_SIGNING_KEY_FILE).toBeDefined();
      }
    });

    it('mounts every file a setting names', () => {
      for (const deployment of ofKind<DeploymentObject>(render, 'Deployment')) {
        const pod = deployment.spec.template.spec;
        for (const container of pod.containers) {
          const env = environmentOf(render, container);
          const files = Object.entries(env).filter(([name]) => name.endsWith('_FILE'));
          if (env.DATABASE_URL?.includes('sslrootcert=')) {
            files.push(['sslrootcert', /sslrootcert=([^&]+)/.exec(env.DATABASE_URL)?.[1] ?? '']);
          }
          for (const [setting, path] of files) {
            const mount = container.volumeMounts?.find((m) => path.startsWith(`${m.mountPath}/`));
            const volume = pod.volumes?.find((v) => v.name === mount?.name);
            const item = volume?.secret?.items?.find((i) => `${mount?.mountPath}/${i.path}` === path);
            expect([deployment.metadata.name, setting, path, item?.path]).toEqual([
              deployment.metadata.name,
              setting,
              path,
              path.split('/').pop(),
            ]);
          }
        }
      }
    });

    it("gives each component its own database, owned by its own role, with the Deployment's credentials", () => {
      const cluster = ofKind<{ spec: { managed: { roles: { name: string; passwordSecret: { name: string } }[] } } }>(
        render,
        'Cluster',
      )[0];
      const databases = ofKind<{ spec: { name: string; owner: string; cluster: { name: string } } }>(
        render,
        'Database',
      );
      const withDatabase = ofKind<DeploymentObject>(render, 'Deployment').filter((d) => componentOf(d) !== 'console');
      for (const deployment of withDatabase) {
        const [container] = deployment.spec.template.spec.containers;
        if (!container) throw new Error(`${deployment.metadata.name} has no container`);
        const url = new URL(environmentOf(render, container).DATABASE_URL ?? '');
        const database = url.pathname.slice(1);
        const credentials = container.env?.find((v) => v.name === 'DATABASE_PASSWORD')?.valueFrom?.secretKeyRef?.name;
        expect(url.hostname).toBe(`${cluster?.metadata.name}-rw`);
        expect(databases.find((d) => d.spec.name === database)).toMatchObject({
          spec: { owner: database, cluster: { name: cluster?.metadata.name } },
        });
        expect(cluster?.spec.managed.roles.find((role) => role.name === database)?.passwordSecret.name).toBe(
          credentials,
        );
      }
      expect(databases.length).toBe(withDatabase.length);
    });

    it('selects the pods of a component with its Service and PodDisruptionBudget', () => {
      const pods = ofKind<DeploymentObject>(render, 'Deployment').map((d) => d.spec.template.metadata.labels);
      const selects = (selector: Record<string, string>) =>
        pods.filter((labels) => Object.entries(selector).every(([key, value]) => labels[key] === value)).length;
      for (const service of ofKind<{ spec: { selector: Record<string, string> } }>(render, 'Service')) {
        expect([service.metadata.name, selects(service.spec.selector)]).toEqual([service.metadata.name, 1]);
      }
      for (const pdb of ofKind<{ spec: { selector: { matchLabels: Record<string, string> } } }>(
        render,
        'PodDisruptionBudget',
      )) {
        expect([pdb.metadata.name, selects(pdb.spec.selector.matchLabels)]).toEqual([pdb.metadata.name, 1]);
      }
      expect(ofKind(render, 'PodDisruptionBudget').length).toBe(pods.length);
    });

    it('has a KafkaTopic for every topic the services use, with the partitions they create it with', () => {
      const prefix = environmentOf(render, firstServiceContainer(render)).TOPIC_PREFIX ?? '';
      const rendered = new Map(
        ofKind<{ spec: { topicName: string; partitions: number } }>(render, 'KafkaTopic').map((t) => [
          t.spec.topicName,
          t.spec.partitions,
        ]),
      );
      const expected = new Map([...topicsOfTheCode()].map(([name, partitions]) => [`${prefix}${name}`, partitions]));
      expect(rendered).toEqual(expected);
    });

    it("lets each service's KafkaUser write only its own topics and those it reads, and read only those", () => {
      const prefix = environmentOf(render, firstServiceContainer(render)).TOPIC_PREFIX ?? '';
      type Acl = {
        resource: { type: string; name: string; patternType?: string };
        operations: string[];
        type?: string;
      };
      const users = ofKind<{ spec: { authentication: { type: string }; authorization: { acls: Acl[] } } }>(
        render,
        'KafkaUser',
      );
      expect(users.length).toBe(SERVICES.length);
      for (const service of SERVICES) {
        const flows = flowsOf(service);
        const user = users.find((u) => u.metadata.labels?.['app.kubernetes.io/component'] === service);
        expect(user?.spec.authentication.type).toBe('scram-sha-512');
        const acls = user?.spec.authorization.acls ?? [];
        const named = (operation: string, type: string, pattern = 'literal') =>
          acls
            .filter((a) => a.operations.includes(operation) && a.resource.type === type)
            .filter((a) => (a.resource.patternType ?? 'literal') === pattern)
            .map((a) => a.resource.name)
            .sort();
        const own = flows.consumes.map((topic) => CODE.redeliveryTopic(topic, flows.consumerGroup));
        const p = (names: string[]) => names.map((name) => `${prefix}${name}`).sort();

        expect(acls.every((a) => (a.type ?? 'allow') === 'allow' && !a.operations.includes('All'))).toBe(true);
        expect(named('Read', 'topic')).toEqual(p([...flows.consumes, ...own]));
        expect(named('Write', 'topic')).toEqual(
          p([...new Set([...flows.publishes, flows.deadLetters, ...flows.consumes, ...own])]),
        );
        // A redelivery to one group goes to <topic>.redelivery.<group>, made by the publisher.
        expect(named('Write', 'topic', 'prefix')).toEqual(p(flows.publishes.map((topic) => `${topic}.redelivery.`)));
        expect(named('Read', 'group')).toEqual([flows.consumerGroup]);
        expect(acls.filter((a) => a.resource.type === 'cluster')).toEqual([]);
      }
    });
  });

  it('points the services at a Kafka listener without authentication, open to their pods only', () => {
    // The services take no Kafka credentials (ServiceEnv has none): the listener they use must not
    // ask for any, so its principal ANONYMOUS is a super user, and Strimzi's NetworkPolicy admits
    // only Lintas pods to it.
    type Listener = { name: string; port: number; authentication?: object; networkPolicyPeers?: object[] };
    const kafka = ofKind<{ spec: { kafka: { listeners: Listener[]; authorization: { superUsers: string[] } } } }>(
      'default',
      'Kafka',
    )[0];
    const [host, port] = (environmentOf('default', firstServiceContainer('default')).KAFKA_BROKERS ?? '').split(':');
    expect(host).toBe(`${kafka?.metadata.name}-kafka-bootstrap`);
    const listener = kafka?.spec.kafka.listeners.find((l) => l.port === Number(port));
    expect(listener?.authentication).toBeUndefined();
    expect(kafka?.spec.kafka.authorization.superUsers).toContain('ANONYMOUS');
    const peers = listener?.networkPolicyPeers as { podSelector: { matchLabels: Record<string, string> } }[];
    for (const deployment of ofKind<DeploymentObject>('default', 'Deployment')) {
      const labels = deployment.spec.template.metadata.labels;
      expect(
        peers.some((peer) => Object.entries(peer.podSelector.matchLabels).every(([k, v]) => labels[k] === v)),
      ).toBe(true);
    }
  });

  it('places no more replicas of a topic than there are brokers', () => {
    for (const render of ['default', 'production'] as const) {
      const brokers = ofKind<{ spec: { replicas: number; roles: string[] } }>(render, 'KafkaNodePool')
        .filter((pool) => pool.spec.roles.includes('broker'))
        .reduce((sum, pool) => sum + pool.spec.replicas, 0);
      for (const topic of ofKind<{ spec: { replicas: number } }>(render, 'KafkaTopic')) {
        expect(topic.spec.replicas).toBeLessThanOrEqual(brokers);
      }
    }
  });

  it('renders no Secret and no secret value from the defaults or the production example', () => {
    for (const render of ['default', 'production'] as const) {
      expect(ofKind(render, 'Secret')).toEqual([]);
      for (const configMap of ofKind<{ data: Record<string, string> }>(render, 'ConfigMap')) {
        expect(Object.keys(configMap.data).filter((key) => /SECRET|PASSWORD|_KEY$/.test(key))).toEqual([]);
      }
      for (const deployment of ofKind<DeploymentObject>(render, 'Deployment')) {
        for (const variable of deployment.spec.template.spec.containers.flatMap((c) => c.env ?? [])) {
          if (/SECRET|PASSWORD|KEY/.test(variable.name)) expect(variable.valueFrom?.secretKeyRef).toBeDefined();
        }
      }
    }
  });

  it('runs a component on an image tag and update strategy of its own where values give them', () => {
    const images = ofKind<DeploymentObject>('prefixedKeycloak', 'Deployment').map((d) => [
      componentOf(d),
      d.spec.template.spec.containers[0]?.image,
    ]);
    expect(Object.fromEntries(images)).toEqual({
      intake: 'lintas:0.1.0',
      'health-liaison': 'lintas:0.1.0',
      rehabilitation: 'lintas:1.1.0',
      'family-reunification': 'lintas:0.1.0',
      audit: 'lintas:0.1.0',
    });
    const strategies = ofKind<{ spec: { strategy: object } }>('prefixedKeycloak', 'Deployment').map((d) => [
      d.metadata.name,
      d.spec.strategy,
    ]);
    expect(Object.fromEntries(strategies)).toMatchObject({
      'lintas-rehabilitation': { type: 'Recreate' },
      'lintas-intake': { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    });
    // The API server refuses rollingUpdate beside Recreate.
    expect(Object.keys(Object.fromEntries(strategies)['lintas-rehabilitation'] as object)).toEqual(['type']);
  });

  it('renders the Secrets whose contents values give, and only those', () => {
    const secrets = ofKind<{ type: string; metadata: { labels: Record<string, string> } }>(
      'chartMadeSecrets',
      'Secret',
    );
    expect(secrets.map((s) => [s.metadata.name, s.type]).sort()).toEqual([
      ['lintas-identity', 'Opaque'],
      ['lintas-intake', 'Opaque'],
      ['lintas-intake-db', 'kubernetes.io/basic-auth'],
    ]);
  });

  it('renders a point-in-time recovery, and refuses one without an object store by naming the value', () => {
    const cluster = ofKind<{ spec: { bootstrap: object; externalClusters: object[] } }>('restore', 'Cluster')[0];
    expect(cluster?.metadata.name).toBe('lintas-pg-restored');
    expect(cluster?.spec.bootstrap).toEqual({
      recovery: { source: 'origin', recoveryTarget: { targetTime: '2026-12-01T08:00:00+07:00' } },
    });
    expect(cluster?.spec.externalClusters).toEqual([
      expect.objectContaining({
        name: 'origin',
        barmanObjectStore: expect.objectContaining({ serverName: 'lintas-pg' }) as object,
      }),
    ]);
    expect(ofKind('production', 'ScheduledBackup')).toEqual([
      expect.objectContaining({ spec: expect.objectContaining({ method: 'barmanObjectStore' }) as object }),
    ]);
    const refused = run.renders.restoreWithoutStore;
    expect(refused && 'error' in refused ? refused.error : 'rendered').toMatch(/postgres\.backup\.destinationPath/);
  });

  describe('the admin console', () => {
    const CONSOLE_RENDERS = ['production', 'consoleKeycloak'] as const;

    function consoleDeployment(render: RenderName): DeploymentObject {
      const [deployment, ...more] = ofKind<DeploymentObject>(render, 'Deployment').filter(
        (d) => componentOf(d) === 'console',
      );
      if (!deployment || more.length > 0) throw new Error(`${render} renders no single console Deployment`);
      return deployment;
    }

    function consoleContainer(render: RenderName): Container {
      const [container] = consoleDeployment(render).spec.template.spec.containers;
      if (!container) throw new Error(`${render}: the console has no container`);
      return container;
    }

    function consolePolicy(render: RenderName): NetworkPolicyObject {
      const labels = consoleDeployment(render).spec.template.metadata.labels;
      const policies = ofKind<NetworkPolicyObject>(render, 'NetworkPolicy').filter((p) =>
        selects(p.spec.podSelector.matchLabels, labels),
      );
      const [policy, ...more] = policies;
      if (!policy || more.length > 0)
        throw new Error(`${render}: ${policies.length} NetworkPolicies select the console`);
      return policy;
    }

    /** Each component's pod labels and the port it listens on, from its Deployment. */
    function pods(render: RenderName): Map<string, { labels: Record<string, string>; port: number }> {
      return new Map(
        ofKind<DeploymentObject>(render, 'Deployment').map((d) => [
          componentOf(d),
          {
            labels: d.spec.template.metadata.labels,
            port: d.spec.template.spec.containers[0]?.ports?.find((p) => p.name === 'http')?.containerPort ?? 0,
          },
        ]),
      );
    }

    it('is off by default: the defaults render no console object', () => {
      const rendered = objects('default').filter(
        (o) => o.metadata.labels?.['app.kubernetes.io/component'] === 'console',
      );
      expect(rendered).toEqual([]);
    });

    it.each(CONSOLE_RENDERS)(
      'runs one replica (sessions in memory) with a Service, a ConfigMap and a PodDisruptionBudget (%s)',
      (render) => {
        const deployment = consoleDeployment(render);
        expect(deployment.spec.replicas).toBe(1);
        const autoscaled = ofKind<{ spec: { scaleTargetRef: { name: string } } }>(render, 'HorizontalPodAutoscaler');
        expect(autoscaled.map((h) => h.spec.scaleTargetRef.name)).not.toContain(deployment.metadata.name);
        const labels = deployment.spec.template.metadata.labels;
        const service = ofKind<{ spec: { selector: Record<string, string>; ports: { port: number }[] } }>(
          render,
          'Service',
        ).find((s) => selects(s.spec.selector, labels));
        expect(service?.spec.ports.map((p) => p.port)).toEqual([new ConsoleEnv().PORT]);
        expect(consoleContainer(render).ports).toEqual([
          expect.objectContaining({ name: 'http', containerPort: new ConsoleEnv().PORT }),
        ]);
        const budgets = ofKind<{ spec: { selector: { matchLabels: Record<string, string> } } }>(
          render,
          'PodDisruptionBudget',
        );
        expect(budgets.filter((b) => selects(b.spec.selector.matchLabels, labels)).length).toBe(1);
        const settings = consoleContainer(render).envFrom?.map((source) => source.configMapRef?.name ?? '') ?? [];
        expect(settings.map((name) => one(render, 'ConfigMap', name).metadata.labels)).toEqual([
          expect.objectContaining({ 'app.kubernetes.io/component': 'console' }),
        ]);
      },
    );

    it.each(CONSOLE_RENDERS)(
      "points the console at the services' issuer and at each service's own Service, and at nothing stateful (%s)",
      (render) => {
        const env = environmentOf(render, consoleContainer(render));
        const settings = loadEnv(ConsoleEnv, env);
        expect(settings.IDENTITY_ISSUER).toBe(environmentOf(render, firstServiceContainer(render)).IDENTITY_ISSUER);
        expect(settings.redirectUri).toBe('https://konsol.lintas.jatimprov.go.id/auth/callback');
        expect(settings.secureCookies).toBe(true);
        const services = ofKind<{ spec: { selector: Record<string, string>; ports: { port: number }[] } }>(
          render,
          'Service',
        );
        const urls: Record<ServiceName, string> = {
          intake: settings.LINTAS_INTAKE_URL,
          'health-liaison': settings.LINTAS_HEALTH_LIAISON_URL,
          rehabilitation: settings.LINTAS_REHABILITATION_URL,
          'family-reunification': settings.LINTAS_FAMILY_REUNIFICATION_URL,
          audit: settings.LINTAS_AUDIT_URL,
        };
        for (const name of SERVICES) {
          const pod = pods(render).get(name);
          const service = services.find((s) => pod && selects(s.spec.selector, pod.labels));
          expect([name, urls[name]]).toEqual([
            name,
            `http://${service?.metadata.name}:${service?.spec.ports[0]?.port}`,
          ]);
        }
        // No database, no Kafka, no key files: only its two secrets, from its Secret.
        expect(Object.keys(env).filter((key) => /DATABASE|KAFKA|_FILE$/.test(key))).toEqual([]);
        expect(consoleDeployment(render).spec.template.spec.volumes?.filter((v) => v.secret)).toEqual([]);
        const fromSecrets = (consoleContainer(render).env ?? []).map((v) => [v.name, v.valueFrom?.secretKeyRef]);
        expect(fromSecrets).toEqual([
          ['CONSOLE_CLIENT_SECRET', { name: 'lintas-console', key: 'CONSOLE_CLIENT_SECRET' }],
          ['CONSOLE_SESSION_SECRET', { name: 'lintas-console', key: 'CONSOLE_SESSION_SECRET' }],
        ]);
      },
    );

    it.each(CONSOLE_RENDERS)(
      'lets the console reach DNS, the issuer and each service on its own port, and nothing stateful (%s)',
      (render) => {
        const policy = consolePolicy(render);
        expect([...policy.spec.policyTypes].sort()).toEqual(['Egress', 'Ingress']);
        // Selects the console's pods and no other component's.
        const selected = [...pods(render)].filter(([, pod]) =>
          selects(policy.spec.podSelector.matchLabels, pod.labels),
        );
        expect(selected.map(([name]) => name)).toEqual(['console']);
        // Its port is open to requests (from the Ingress controller).
        expect(policy.spec.ingress?.some((rule) => rule.ports?.some((p) => p.port === 'http'))).toBe(true);

        const components = pods(render);
        for (const name of SERVICES) {
          const pod = components.get(name);
          if (!pod) throw new Error(`${render}: no ${name} pods`);
          expect([name, egressAllows(policy, pod.labels, pod.port)]).toEqual([name, true]);
          // Only on its own port: another service's is not opened to it.
          for (const other of SERVICES.filter((o) => o !== name)) {
            const port = components.get(other)?.port ?? 0;
            expect([name, port, egressAllows(policy, pod.labels, port)]).toEqual([name, port, false]);
          }
        }
        const identity = components.get('identity');
        if (identity) expect(egressAllows(policy, identity.labels, identity.port)).toBe(true);
        const issuer = new URL(environmentOf(render, consoleContainer(render)).IDENTITY_ISSUER ?? '');
        const issuerPort = Number(issuer.port || (issuer.protocol === 'https:' ? 443 : 80));
        expect(egressAllows(policy, {}, issuerPort)).toBe(true);
        expect(egressAllows(policy, {}, 53)).toBe(true);
        // PostgreSQL and Kafka stay out of its reach, whatever pods they run in.
        const postgres = ofKind(render, 'Cluster')[0]?.metadata.name ?? '';
        expect(egressAllows(policy, { 'cnpg.io/cluster': postgres }, 5432)).toBe(false);
        for (const port of [9092, 9093]) expect(egressAllows(policy, { 'strimzi.io/kind': 'Kafka' }, port)).toBe(false);
        for (const [name, pod] of components) {
          expect([name, egressAllows(policy, pod.labels, 5432)]).toEqual([name, false]);
        }
      },
    );

    it('takes who may reach the console, and another issuer on a port of its own', () => {
      expect(consolePolicy('production').spec.ingress).toEqual([
        {
          ports: [{ port: 'http', protocol: 'TCP' }],
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
        },
      ]);
      const keycloak = consolePolicy('consoleKeycloak');
      expect(keycloak.spec.ingress).toEqual([{ ports: [{ port: 'http', protocol: 'TCP' }] }]);
      expect(keycloak.spec.egress).toContainEqual({ ports: [{ port: 8443, protocol: 'TCP' }] });
      expect(keycloak.spec.egress).not.toContainEqual({ ports: [{ port: 443, protocol: 'TCP' }] });
      expect(environmentOf('consoleKeycloak', consoleContainer('consoleKeycloak'))).toMatchObject({
        IDENTITY_ISSUER: KEYCLOAK_ISSUER,
        CONSOLE_CLIENT_ID: 'lintas-konsol',
        CONSOLE_URL: 'https://konsol.lintas.jatimprov.go.id',
      });
      const secrets = ofKind<{ type: string; stringData: Record<string, string> }>('consoleKeycloak', 'Secret');
      expect(secrets.map((s) => [s.metadata.name, s.type, Object.keys(s.stringData).sort()])).toEqual([
        ['lintas-console', 'Opaque', ['CONSOLE_CLIENT_SECRET', 'CONSOLE_SESSION_SECRET']],
      ]);
    });

    it.each([
      ['consoleWithoutUrl', /console\.url: name the https URL/],
      ['consoleOverHttp', /console\.url: must be https/],
      ['consoleWithInClusterIssuer', /identity\.issuer: the console sends people's browsers to the issuer/],
    ] as const)('refuses %s, naming the value', (render, message) => {
      const refused = run.renders[render];
      expect(refused && 'error' in refused ? refused.error : 'rendered').toMatch(message);
    });
  });

  describe('the CRD check', () => {
    function kafka(): K8sObject & { spec: { kafka: Record<string, unknown> & { listeners: object[] } } } {
      const [rendered] = ofKind<{ spec: { kafka: Record<string, unknown> & { listeners: object[] } } }>(
        'production',
        'Kafka',
      );
      if (!rendered) throw new Error('the production values render no Kafka');
      return structuredClone(rendered);
    }

    it('refuses a rendered Kafka resource with a field its CRD does not have', () => {
      expect(crds.problems(kafka())).toEqual([]);
      const wrong = kafka();
      // kafka.strimzi.io/v1 has no spec.kafka.replicas (node pools say how many): a field left from
      // v1beta2 that the API server would drop, and this check refuses.
      wrong.spec.kafka.replicas = 3;
      expect(crds.problems(wrong)).toEqual(['/spec/kafka must NOT have additional properties (replicas)']);
    });

    it('refuses a misspelt field deep in a rendered Kafka resource, and a value of the wrong type', () => {
      const misspelt = kafka();
      misspelt.spec.kafka.listeners[0] = { ...misspelt.spec.kafka.listeners[0], tsl: false };
      expect(crds.problems(misspelt)).toContain('/spec/kafka/listeners/0 must NOT have additional properties (tsl)');
      const mistyped = kafka();
      mistyped.spec.kafka.listeners[0] = { ...mistyped.spec.kafka.listeners[0], port: '9092' };
      expect(crds.problems(mistyped)).toContain('/spec/kafka/listeners/0/port must be integer');
    });

    it('still takes what the CRD leaves open (Kafka broker config)', () => {
      const configured = kafka();
      configured.spec.kafka.config = { ...(configured.spec.kafka.config as object), 'log.retention.hours': 168 };
      expect(crds.problems(configured)).toEqual([]);
    });
  });
});

interface PolicyPeer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: object;
  ipBlock?: object;
}
interface PolicyRule {
  to?: PolicyPeer[];
  from?: PolicyPeer[];
  ports?: { port: number | string; protocol?: string }[];
}
type NetworkPolicyObject = K8sObject & {
  spec: {
    podSelector: { matchLabels: Record<string, string> };
    policyTypes: string[];
    ingress?: PolicyRule[];
    egress?: PolicyRule[];
  };
};

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
}

/**
 * Whether the policy's egress rules let its pods reach a pod with these labels on this port. On the
 * safe side for "must not reach": an address block, or a pod selector in any namespace, may be
 * that pod.
 */
function egressAllows(policy: NetworkPolicyObject, labels: Record<string, string>, port: number): boolean {
  return (policy.spec.egress ?? []).some((rule) => {
    const peer =
      !rule.to || rule.to.some((p) => p.ipBlock !== undefined || selects(p.podSelector?.matchLabels, labels));
    return peer && (!rule.ports || rule.ports.some((p) => p.port === port));
  });
}

function firstServiceContainer(render: RenderName): Container {
  const deployment = ofKind<DeploymentObject>(render, 'Deployment').find((d) => componentOf(d) === 'intake');
  const container = deployment?.spec.template.spec.containers[0];
  if (!container) throw new Error(`${render} renders no intake container`);
  return container;
}
