package dev.integrations.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

/**
 * The module table of the design as ArchUnit rules. Each rule takes the base package so that it can
 * be evaluated against the real code ({@code dev.integrations}) and against a deliberately
 * violating fixture ({@code fixture}), which proves that it can fail.
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** Modules whose {@code internal} packages nobody outside the module may use. */
  static final List<String> MODULE_ROOTS =
      List.of(
          "core",
          "persistence",
          "providers",
          "providers.google",
          "providers.telegram",
          "providers.microsoft",
          "providers.dropbox",
          "bootstrap",
          "http",
          "cli",
          "mcp");

  /**
   * The provider engine: the catalog, the generic OAuth 2.0 engine, the plug-in seam and what every
   * provider shares (the retry executor in {@code providers.internal}).
   */
  static List<String> enginePackages(String base) {
    return List.of(
        base + ".providers",
        base + ".providers.internal..",
        base + ".providers.catalog..",
        base + ".providers.oauth2..");
  }

  /** Core compiles against the JDK alone (slf4j-api at most). */
  static ArchRule coreDependsOnTheJdkOnly(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(base + ".core..", "java..", "org.slf4j..")
        .because("core holds the domain and its ports and must not know any adapter technology");
  }

  /** Dependencies point inward, and no adapter reaches into another. */
  static ArchRule dependenciesPointInward(String base) {
    return onionArchitecture()
        .domainModels(base + ".core.model..", base + ".core.error..")
        .domainServices(base + ".core.port..")
        .applicationServices(base + ".core.service..")
        .adapter("in-memory", base + ".core.memory..")
        .adapter("persistence", base + ".persistence..")
        .adapter("providers", base + ".providers..")
        // The MCP server is an app the other two mount (http) and run (cli), not a driven adapter.
        .adapter("apps", base + ".http..", base + ".cli..", base + ".mcp..")
        // The wiring is the one place allowed to see every adapter: it assembles them.
        .ignoreDependency(resideInAPackage(base + ".bootstrap.."), DescribedPredicate.alwaysTrue())
        .because(
            "adapters meet only in the wiring (bootstrap) and talk to each other through core's ports");
  }

  /**
   * The provider engine names no provider: it depends on no plug-in's package, so that a provider
   * is a catalog entry plus, where data is not enough, a plug-in nobody else names.
   */
  static ArchRule engineNamesNoProvider(String base) {
    String[] engine = enginePackages(base).toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAnyPackage(engine)
        .should()
        .dependOnClassesThat(
            resideInAPackage(base + ".providers..")
                .and(DescribedPredicate.not(resideInAnyPackage(engine))))
        .because("the engine serves every provider of the catalog and names none of them");
  }

  /** Provider plug-ins meet only through the engine: none uses another's classes. */
  static ArchRule providerPluginsStayApart(String base) {
    return slices()
        .matching(base + ".providers.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            DescribedPredicate.alwaysTrue(),
            resideInAnyPackage(enginePackages(base).toArray(String[]::new)))
        .because("a provider plug-in is removed or added without touching another");
  }

  /**
   * The HTTP server, the CLI and the MCP server reach adapters only through the one wiring place.
   */
  static ArchRule appsReachAdaptersOnlyThroughTheWiring(String base) {
    return noClasses()
        .that()
        .resideInAnyPackage(base + ".http..", base + ".cli..", base + ".mcp..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(base + ".persistence..", base + ".providers..")
        .because("the apps are wired in one place, " + base + ".bootstrap, that both use");
  }

  /** Adapters know nothing of the wiring or the apps; the server knows nothing of the CLI. */
  static ArchRule adaptersDoNotKnowTheirUsers(String base) {
    return CompositeArchRule.of(
            noClasses()
                .that()
                .resideInAnyPackage(base + ".persistence..", base + ".providers..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                    base + ".bootstrap..", base + ".http..", base + ".cli..", base + ".mcp.."))
        .and(
            noClasses()
                .that()
                .resideInAPackage(base + ".http..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(base + ".cli.."))
        .and(
            noClasses()
                .that()
                .resideInAPackage(base + ".bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(base + ".http..", base + ".cli..", base + ".mcp.."));
  }

  /**
   * The MCP server depends on core, the wiring, the MCP SDK (with its Reactor and JSON types), the
   * Servlet API its HTTP transport is written against, slf4j and the JDK: the apps mount and run
   * it, it knows neither of them, nor the web framework, nor any adapter technology.
   */
  static ArchRule mcpKnowsCoreTheWiringAndTheSdkOnly(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".mcp..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            base + ".core..",
            base + ".bootstrap..",
            base + ".mcp..",
            "io.modelcontextprotocol..",
            "reactor..",
            "jakarta.servlet..",
            "org.slf4j..",
            "java..")
        .because(
            "design.md: integrations-mcp depends on core (+ the one wiring class) and the MCP Java SDK");
  }

  /**
   * The presentation (the records the HTTP API answers with and the CLI prints) shows the core's
   * values and knows nothing else of ours: not the wiring it lives beside, not an adapter, not an
   * app.
   */
  static ArchRule presentationShowsOnlyTheCore(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".bootstrap.presentation..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            base + ".bootstrap.presentation..",
            base + ".core.model..",
            base + ".core.error..",
            base + ".core.service..",
            "java..",
            "com.fasterxml.jackson..")
        .because(
            "both apps print these records, so they may depend on nothing either app or the wiring holds");
  }

  /** Implementation detail in {@code ..internal..} is imported by nobody outside its module. */
  static ArchRule internalPackagesStayInside(String base) {
    CompositeArchRule rule = null;
    for (String root : MODULE_ROOTS) {
      String module = base + "." + root;
      ArchRule one =
          noClasses()
              .that()
              .resideOutsideOfPackage(module + "..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage(module + "..internal..")
              .because(module + ".internal is an implementation detail of its module");
      rule = rule == null ? CompositeArchRule.of(one) : rule.and(one);
    }
    return rule;
  }

  /** The general coding rules we hold every class to. Only the CLI writes to standard streams. */
  static ArchRule generalCodingRules(String base) {
    return CompositeArchRule.of(
            noClasses()
                .should()
                .accessClassesThat()
                .resideInAPackage("java.util.logging..")
                .because("everything logs through slf4j, so that one binding configures it all"))
        .and(GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS)
        .and(GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION)
        .and(
            noClasses()
                .that()
                .resideOutsideOfPackage(base + ".cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("libraries log through slf4j; only the CLI talks to the terminal"));
  }
}
