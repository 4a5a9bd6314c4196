package dev.integrations.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module table of the design, checked on the production classes of every module. */
@AnalyzeClasses(packages = "dev.integrations", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String BASE = "dev.integrations";

  @ArchTest
  static final ArchRule core_depends_on_the_jdk_only =
      ArchitectureRules.coreDependsOnTheJdkOnly(BASE);

  @ArchTest
  static final ArchRule dependencies_point_inward = ArchitectureRules.dependenciesPointInward(BASE);

  @ArchTest
  static final ArchRule the_provider_engine_names_no_provider =
      ArchitectureRules.engineNamesNoProvider(BASE);

  @ArchTest
  static final ArchRule provider_plugins_stay_apart =
      ArchitectureRules.providerPluginsStayApart(BASE);

  @ArchTest
  static final ArchRule apps_reach_adapters_only_through_the_wiring =
      ArchitectureRules.appsReachAdaptersOnlyThroughTheWiring(BASE);

  @ArchTest
  static final ArchRule adapters_do_not_know_their_users =
      ArchitectureRules.adaptersDoNotKnowTheirUsers(BASE);

  @ArchTest
  static final ArchRule the_presentation_shows_only_the_core =
      ArchitectureRules.presentationShowsOnlyTheCore(BASE);

  @ArchTest
  static final ArchRule internal_packages_stay_inside =
      ArchitectureRules.internalPackagesStayInside(BASE);

  @ArchTest
  static final ArchRule mcp_knows_core_the_wiring_and_the_sdk_only =
      ArchitectureRules.mcpKnowsCoreTheWiringAndTheSdkOnly(BASE);

  @ArchTest static final ArchRule general_coding_rules = ArchitectureRules.generalCodingRules(BASE);
}
