package dev.integrations.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule evaluated against the {@code fixture} package, a miniature of the project that breaks
 * every rule once in a known place: a rule that cannot fail would pass here too and fail this test.
 */
class ArchitectureRulesCanFailTest {
  private static final String BASE = "fixture";
  private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(BASE);

  private static String violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(FIXTURE);
    assertThat(result.hasViolation())
        .as("%s must find the planted violation", rule.getDescription())
        .isTrue();
    return result.getFailureReport().toString();
  }

  @Test
  void core_importing_jdbi_is_caught() {
    assertThat(violations(ArchitectureRules.coreDependsOnTheJdkOnly(BASE)))
        .contains("fixture.core.model.UsesJdbi")
        .contains("org.jdbi.v3.core.Jdbi")
        .doesNotContain("fixture.core.service.UseCase");
  }

  @Test
  void an_adapter_reaching_into_another_is_caught() {
    assertThat(violations(ArchitectureRules.dependenciesPointInward(BASE)))
        .contains("fixture.persistence.ReachesIntoGoogle")
        .contains("fixture.providers.google.GoogleClient");
  }

  @Test
  void the_engine_naming_a_provider_is_caught() {
    assertThat(violations(ArchitectureRules.engineNamesNoProvider(BASE)))
        .contains("fixture.providers.catalog.NamesGoogle")
        .contains("fixture.providers.google.GoogleClient")
        .doesNotContain("fixture.providers.catalog.Spec ");
  }

  @Test
  void a_plugin_using_another_plugin_is_caught() {
    assertThat(violations(ArchitectureRules.providerPluginsStayApart(BASE)))
        .contains("fixture.providers.telegram.UsesGoogle")
        .doesNotContain("fixture.providers.google.GoogleClient -> fixture.providers.catalog.Spec");
  }

  @Test
  void an_app_using_an_adapter_directly_is_caught() {
    assertThat(violations(ArchitectureRules.appsReachAdaptersOnlyThroughTheWiring(BASE)))
        .contains("fixture.http.Routes")
        .contains("fixture.persistence.JdbiStore")
        .doesNotContain("fixture.cli.Main");
  }

  @Test
  void an_adapter_using_the_wiring_is_caught() {
    assertThat(violations(ArchitectureRules.adaptersDoNotKnowTheirUsers(BASE)))
        .contains("fixture.providers.telegram.TelegramClient")
        .contains("fixture.bootstrap.Wiring");
  }

  @Test
  void a_presentation_record_using_the_wiring_is_caught() {
    assertThat(violations(ArchitectureRules.presentationShowsOnlyTheCore(BASE)))
        .contains("fixture.bootstrap.presentation.Shown")
        .contains("fixture.bootstrap.Wiring")
        .doesNotContain("<fixture.core.model.Thing>");
  }

  @Test
  void another_module_using_an_internal_package_is_caught() {
    assertThat(violations(ArchitectureRules.internalPackagesStayInside(BASE)))
        .contains("fixture.http.Routes")
        .contains("fixture.core.service.internal.Helper")
        .doesNotContain("fixture.core.service.UseCase");
  }

  @Test
  void the_mcp_server_naming_the_web_framework_or_the_http_app_is_caught() {
    assertThat(violations(ArchitectureRules.mcpKnowsCoreTheWiringAndTheSdkOnly(BASE)))
        .contains("fixture.mcp.MountsItselfInJavalin")
        .contains("io.javalin.Javalin")
        .contains("fixture.http.Routes")
        .doesNotContain("fixture.mcp.Tools");
  }

  @Test
  void java_util_logging_and_stdout_outside_the_cli_are_caught() {
    assertThat(violations(ArchitectureRules.generalCodingRules(BASE)))
        .contains("fixture.persistence.JulLogger")
        .contains("fixture.providers.google.GoogleClient")
        .doesNotContain("fixture.cli.Main");
  }

  @Test
  void the_real_rules_hold_on_a_clean_fixture_layer() {
    EvaluationResult result =
        ArchitectureRules.coreDependsOnTheJdkOnly(BASE)
            .evaluate(
                new ClassFileImporter()
                    .importPackages("fixture.core.service", "fixture.core.port"));
    assertThat(result.hasViolation()).isFalse();
  }
}
