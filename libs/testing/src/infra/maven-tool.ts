import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from './cache-dir';
import { lastLines, runCommand } from './run-command';

/**
 * A small Java tool of the repository (a Maven project: pom.xml, sources under src/main/java/<pkg>),
 * built once with Maven from Maven Central into ~/.cache/lintas/<name>/<hash of its pom and
 * sources>, like the Kafka jars: an edited pom or source is built again, an unchanged one never.
 * Answers the folder; run it with `mavenToolClasspath`.
 */
export async function buildMavenTool(
  name: string,
  project: string,
  sourcePackage: string,
  log: (message: string) => void = () => undefined,
): Promise<string> {
  const pom = await readFile(join(project, 'pom.xml'), 'utf8');
  const sourceDir = join(project, 'src', 'main', 'java', ...sourcePackage.split('.'));
  const sources = (await readdir(sourceDir)).sort();
  const hash = createHash('sha256').update(pom);
  for (const source of sources) hash.update(source).update(await readFile(join(sourceDir, source)));
  const dir = cacheDir(name, hash.digest('hex').slice(0, 16));
  // Written last: an interrupted build is redone.
  const marker = join(dir, 'build.complete');
  if (existsSync(marker)) return dir;

  log(`building ${name} from Maven Central into ${dir}`);
  await rm(join(dir, 'target'), { recursive: true, force: true });
  await writeFile(join(dir, 'pom.xml'), pom);
  await cp(join(project, 'src'), join(dir, 'src'), { recursive: true });
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
  if (code !== 0) throw new Error(`mvn could not build ${name} (exit ${code}):\n${lastLines(output, 30)}`);
  await writeFile(marker, pom);
  return dir;
}

/** The classpath of a built tool: its classes and its runtime dependencies. */
export const mavenToolClasspath = (dir: string): string =>
  [join(dir, 'target', 'classes'), join(dir, 'target', 'lib', '*')].join(':');
