import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { buildMavenTool, mavenToolClasspath } from '@lintas/testing/infra/maven-tool';
import { lastLines, runCommand } from '@lintas/testing/infra/run-command';

/** The Maven project that lints and renders the chart with Helm 3 embedded (helm-java), in the repo. */
const RUNNER = join(__dirname, '..', '..', 'test', 'deploy', 'helm-runner');
export const CHART = join(__dirname, 'lintas');

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

export interface ChartRun {
  lint: { passed: boolean; messages: string[] };
  /** Each render by name: its objects, or Helm's refusal. */
  renders: Record<string, { objects: K8sObject[] } | { error: string }>;
}

/** The runner, built once into ~/.cache/lintas/helm-runner/ (see buildMavenTool). */
export function buildHelmRunner(log: (message: string) => void = () => undefined): Promise<string> {
  return buildMavenTool('helm-runner', RUNNER, 'lintas.helm', log);
}

/**
 * Lints the chart and renders it once per values file (undefined: the chart's defaults), in one
 * JVM: Helm's start-up is most of the time. Release `lintas` in namespace `lintas`.
 */
export async function runChart(renders: Record<string, string | undefined>): Promise<ChartRun> {
  const dir = await buildHelmRunner();
  const out = await mkdtemp(join(tmpdir(), 'lintas-helm-'));
  try {
    const classpath = mavenToolClasspath(dir);
    const args = Object.entries(renders).map(([name, values]) => `${name}=${values ?? ''}`);
    const { code, output } = await runCommand(
      'java',
      ['-cp', classpath, 'lintas.helm.HelmRunner', CHART, out, 'lintas', 'lintas', ...args],
      // lint and template are Helm's client-side commands: no cluster is asked.
      {},
    ).catch((error: Error) => ({ code: -1, output: error.message }));
    if (code !== 0) throw new Error(`the Helm runner failed (exit ${code}):\n${lastLines(output, 30)}`);

    const [verdict = '', ...messages] = (await readFile(join(out, 'lint.txt'), 'utf8')).trimEnd().split('\n');
    const run: ChartRun = { lint: { passed: verdict === 'passed', messages }, renders: {} };
    for (const name of Object.keys(renders)) {
      const rendered = join(out, `${name}.yaml`);
      run.renders[name] = existsSync(rendered)
        ? { objects: parseManifests(await readFile(rendered, 'utf8')) }
        : { error: await readFile(join(out, `${name}.error`), 'utf8') };
    }
    return run;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** Helm's output: YAML documents, some empty (a template that rendered nothing). */
export function parseManifests(text: string): K8sObject[] {
  // YAML 1.1, as Kubernetes reads manifests (sigs.k8s.io/yaml): yes, on and 0440 mean there what they mean here.
  return parseAllDocuments(text, { version: '1.1' }).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(`rendered YAML does not parse: ${document.errors[0]?.message}`);
    const object = document.toJS() as K8sObject | null;
    return object ? [object] : [];
  });
}
