package dev.integrations.cli;

import dev.integrations.bootstrap.Settings;
import dev.integrations.bootstrap.Wiring;
import dev.integrations.core.error.ErrorCode;
import dev.integrations.core.error.IntegrationException;
import dev.integrations.core.error.UnsupportedCapabilityException;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import dev.integrations.core.service.Integrations;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code --via TYPE} of {@code mail}, {@code files} and {@code message}: completed from the
 * catalog's types that declare the capability, and checked against the running catalog, where a
 * type that lacks it is refused with {@code unsupported_capability} naming what it offers and which
 * types would do.
 */
abstract class ViaTypes implements Iterable<String> {
  private final Capability capability;

  ViaTypes(Capability capability) {
    this.capability = capability;
  }

  @Override
  public Iterator<String> iterator() {
    try {
      return Wiring.integrationTypes(Settings.fromEnvironment(), capability).iterator();
    } catch (RuntimeException invalidConfiguration) {
      // Completion must not fail: the command itself reports the configuration error.
      return List.<String>of().iterator();
    }
  }

  /**
   * The catalog entry of {@code typed} when it offers {@code capability}; otherwise {@code
   * invalid_integration_type} or {@code unsupported_capability}, one sentence each.
   */
  static Integration resolve(Integrations integrations, String typed, Capability capability) {
    Integration integration = KnownTypes.resolve(integrations, typed);
    try {
      integrations.actions().requireCapability(integration.type(), capability);
    } catch (UnsupportedCapabilityException e) {
      List<String> offering =
          integrations.connections().catalog().stream()
              .filter(i -> i.can(capability))
              .map(i -> i.type().value())
              .toList();
      throw new IntegrationException(
          ErrorCode.UNSUPPORTED_CAPABILITY,
          e.getMessage()
              + (offering.isEmpty() ? "" : " --via takes " + String.join(", ", offering) + "."));
    }
    return integration;
  }

  /**
   * The type {@code via} names for a command that needs {@code capability}: checked against the
   * catalog here, or, through a server, named by its list (the server refuses a type without the
   * capability with the same {@code unsupported_capability}).
   */
  static IntegrationType type(
      Target target, CliContext context, String via, Capability capability) {
    return target.remote()
        ? target.integration(via).type()
        : resolve(context.integrations(), via, capability).type();
  }

  /** The types that offer mail. */
  static final class Mail extends ViaTypes {
    Mail() {
      super(Capability.MAIL);
    }
  }

  /** The types that offer files. */
  static final class Files extends ViaTypes {
    Files() {
      super(Capability.FILES);
    }
  }

  /** The types that offer messages. */
  static final class Messages extends ViaTypes {
    Messages() {
      super(Capability.MESSAGES);
    }
  }
}
