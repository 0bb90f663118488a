package lintas.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates each JSON file named on the command line against the FHIR R4 core profiles and prints one
 * JSON document to stdout: {"files":[{"file":..., "errors":[...], "warnings":[...]}]}. One JVM for the
 * whole batch: the validator's warm-up (loading the core packages) takes most of the time.
 * Exit code 0 when it ran (whatever it found), 2 when it could not.
 */
public final class ValidateBatch {
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ValidateBatch <resource.json>...");
      System.exit(2);
    }
    FhirContext context = FhirContext.forR4();
    ValidationSupportChain support = new ValidationSupportChain(
        new DefaultProfileValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new SnapshotGeneratingValidationSupport(context));
    FhirValidator validator = context.newValidator();
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
    instanceValidator.setAnyExtensionsAllowed(true);
    validator.registerValidatorModule(instanceValidator);

    StringBuilder out = new StringBuilder("{\"files\":[");
    for (int i = 0; i < args.length; i++) {
      String json = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
      ValidationResult result = validator.validateWithResult(json);
      StringBuilder errors = new StringBuilder();
      StringBuilder warnings = new StringBuilder();
      for (SingleValidationMessage message : result.getMessages()) {
        ResultSeverityEnum severity = message.getSeverity();
        boolean error = severity == ResultSeverityEnum.ERROR || severity == ResultSeverityEnum.FATAL;
        boolean warning = severity == ResultSeverityEnum.WARNING;
        if (!error && !warning) continue;
        StringBuilder into = error ? errors : warnings;
        if (into.length() > 0) into.append(',');
        into.append("{\"severity\":").append(quote(severity.getCode()))
            .append(",\"location\":").append(quote(message.getLocationString()))
            .append(",\"message\":").append(quote(message.getMessage())).append('}');
      }
      if (i > 0) out.append(',');
      out.append("{\"file\":").append(quote(args[i]))
          .append(",\"errors\":[").append(errors).append(']')
          .append(",\"warnings\":[").append(warnings).append("]}");
    }
    out.append("]}");
    System.out.println(out);
  }

  private static String quote(String text) {
    if (text == null) return "null";
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) quoted.append(String.format("\\u%04x", (int) c));
          else quoted.append(c);
        }
      }
    }
    return quoted.append('"').toString();
  }
}
