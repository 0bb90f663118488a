import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { cacheDir } from '@lintas/testing/infra/cache-dir';
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

/**
 * The runner, built once with Maven from Maven Central into ~/.cache/lintas/helm-runner/<hash of
 * its pom and sources>, as libs/testing/src/fhir/fhir-validator.ts builds the FHIR validator: an
 * edited pom or source is built again, an unchanged one never.
 */
export async function buildHelmRunner(log: (message: string) => void = () => undefined): Promise<string> {
  const pom = await readFile(join(RUNNER, 'pom.xml'), 'utf8');
  const sourceDir = join(RUNNER, 'src', 'main', 'java', 'lintas', 'helm');
  const sources = (await readdir(sourceDir)).sort();
  const hash = createHash('sha256').update(pom);
  for (const source of sources) hash.update(source).update(await readFile(join(sourceDir, source)));
  const dir = cacheDir('helm-runner', hash.digest('hex').slice(0, 16));
  // Written last: an interrupted build is redone.
  const marker = join(dir, 'build.complete');
  if (existsSync(marker)) return dir;

  log(`building the Helm runner from Maven Central into ${dir}`);
  await rm(join(dir, 'target'), { recursive: true, force: true });
  await writeFile(join(dir, 'pom.xml'), pom);
  await cp(join(RUNNER, 'src'), join(dir, 'src'), { recursive: true });
  const { code, output } = await runCommand(
    'mvn',
    [
      '-q',
      '-B',
      '-Dstyle.color=never',
      'package',
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      '-DoutputDirectory=target/lib',
    ],
    { cwd: dir },
  ).catch((error: Error) => ({ code: -1, output: error.message }));
  if (code !== 0) throw new Error(`mvn could not build the Helm runner (exit ${code}):\n${lastLines(output, 30)}`);
  await writeFile(marker, pom);
  return dir;
}

/**
 * Lints the chart and renders it once per values file (undefined: the chart's defaults), in one
 * JVM: Helm's start-up is most of the time. Release `lintas` in namespace `lintas`.
 */
export async function runChart(renders: Record<string, string | undefined>): Promise<ChartRun> {
  const dir = await buildHelmRunner();
  const out = await mkdtemp(join(tmpdir(), 'lintas-helm-'));
  try {
    const classpath = [join(dir, 'target', 'classes'), join(dir, 'target', 'lib', '*')].join(':');
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
