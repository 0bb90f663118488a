import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMavenTool, mavenToolClasspath } from '../infra/maven-tool';
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
 * libs/testing/fhir-validator into ~/.cache/lintas/fhir-validator/ (see buildMavenTool).
 */
export function buildFhirValidator(log: (message: string) => void = () => undefined): Promise<string> {
  return buildMavenTool('fhir-validator', PROJECT, 'lintas.fhir', log);
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
    const classpath = mavenToolClasspath(dir);
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
