package lintas.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lints a chart and renders it once per values file, offline, in one JVM (Helm's native library
 * loads once): {@code HelmRunner <chart> <out> <release> <namespace> <name>=<values file or nothing>…}.
 *
 * <p>Writes {@code lint.txt} (first line {@code passed} or {@code failed}, then Helm's messages),
 * and for each render {@code <name>.yaml} or, when Helm refuses the values, {@code <name>.error}:
 * a refusal is a result the caller may expect, not a crash of the runner.
 */
public final class HelmRunner {
  private HelmRunner() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: HelmRunner <chart> <out> <release> <namespace> [<name>=<values file>]...");
      System.exit(64);
    }
    Path chart = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String release = args[2];
    String namespace = args[3];
    Files.createDirectories(out);

    Helm helm = new Helm(chart);
    LintResult lint = helm.lint().strict().call();
    StringBuilder report = new StringBuilder(lint.isFailed() ? "failed" : "passed").append('\n');
    for (String message : lint.getMessages()) report.append(message).append('\n');
    write(out.resolve("lint.txt"), report.toString());

    for (int i = 4; i < args.length; i++) {
      String[] render = args[i].split("=", 2);
      String name = render[0];
      TemplateCommand template = helm.template().withName(release).withNamespace(namespace);
      if (render.length == 2 && !render[1].isEmpty()) template = template.withValuesFile(Path.of(render[1]));
      try {
        write(out.resolve(name + ".yaml"), template.call());
      } catch (RuntimeException refused) {
        write(out.resolve(name + ".error"), String.valueOf(refused.getMessage()));
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
