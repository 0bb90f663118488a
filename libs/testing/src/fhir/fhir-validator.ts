import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir } from '../infra/cache-dir';
import { lastLines, runCommand } from '../infra/run-command';

/** The Maven project of the validator (pom.xml pins HAPI FHIR), in the repo. */
const PROJECT = join(__dirname, '..', '..', 'fhir-validator');

export interface FhirIssue {
  severity: string;
  location: string;
  message: string;
}

export interface FhirValidation {
  /** The name the resource was given to validate under. */
  name: string;
  errors: FhirIssue[];
  warnings: FhirIssue[];
}

/**
 * HAPI FHIR's validator (FHIR R4 core profiles and terminology), built once from
 * libs/testing/fhir-validator with Maven from Maven Central into ~/.cache/lintas/fhir-validator/<hash of
 * the project>, like the Kafka jars: an edited pom or source is built again.
 */
export async function buildFhirValidator(log: (message: string) => void = () => undefined): Promise<string> {
  const pom = await readFile(join(PROJECT, 'pom.xml'), 'utf8');
  const sourceDir = join(PROJECT, 'src', 'main', 'java', 'lintas', 'fhir');
  const sources = (await readdir(sourceDir)).sort();
  const hash = createHash('sha256').update(pom);
  for (const source of sources) hash.update(source).update(await readFile(join(sourceDir, source)));
  const dir = cacheDir('fhir-validator', hash.digest('hex').slice(0, 16));
  // Written last: an interrupted build is redone.
  const marker = join(dir, 'build.complete');
  if (existsSync(marker)) return dir;

  log(`building the HAPI FHIR validator from Maven Central into ${dir}`);
  await rm(join(dir, 'target'), { recursive: true, force: true });
  await writeFile(join(dir, 'pom.xml'), pom);
  await cp(join(PROJECT, 'src'), join(dir, 'src'), { recursive: true });
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
  if (code !== 0) throw new Error(`mvn could not build the FHIR validator (exit ${code}):\n${lastLines(output, 30)}`);
  await writeFile(marker, pom);
  return dir;
}

/**
 * Validates FHIR R4 resources in one JVM (the validator's warm-up is most of the time: give it a
 * batch, not one resource at a time): each resource's errors and warnings, by the name given.
 */
export async function validateFhir(resources: Record<string, unknown>): Promise<FhirValidation[]> {
  const dir = await buildFhirValidator();
  const work = await mkdtemp(join(tmpdir(), 'lintas-fhir-'));
  try {
    const files: string[] = [];
    const names = new Map<string, string>();
    for (const [index, [name, resource]] of Object.entries(resources).entries()) {
      const file = join(work, `${index}.json`);
      await writeFile(file, JSON.stringify(resource));
      files.push(file);
      names.set(file, name);
    }
    const classpath = [join(dir, 'target', 'classes'), join(dir, 'target', 'lib', '*')].join(':');
    const { code, output } = await runJava(['-cp', classpath, 'lintas.fhir.ValidateBatch', ...files]);
    if (code !== 0) throw new Error(`the FHIR validator failed (exit ${code}):\n${lastLines(output, 30)}`);
    const json = output.split('\n').find((line) => line.startsWith('{"files":'));
    if (!json) throw new Error(`the FHIR validator printed no result:\n${lastLines(output, 30)}`);
    const result = JSON.parse(json) as { files: { file: string; errors: FhirIssue[]; warnings: FhirIssue[] }[] };
    return result.files.map((file) => ({ name: names.get(file.file) ?? file.file, ...file }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function runJava(args: string[]): Promise<{ code: number; output: string }> {
  return runCommand('java', args, {}).catch((error: Error) => ({ code: -1, output: error.message }));
}
