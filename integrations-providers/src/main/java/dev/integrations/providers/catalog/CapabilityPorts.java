package dev.integrations.providers.catalog;

import dev.integrations.core.model.Capability;
import dev.integrations.core.port.FilesPort;
import dev.integrations.core.port.MailPort;
import dev.integrations.core.port.MessagingPort;
import java.util.EnumSet;
import java.util.Set;

/**
 * The capability ports a plug-in adds to a catalog entry that the generic engine serves (see {@link
 * GenericAdapters#withCapabilities}); null where it adds none. The entry then declares exactly the
 * capabilities given here, besides its own.
 *
 * @param mail sends and searches mail (Outlook)
 * @param files lists and uploads files (OneDrive, Dropbox)
 * @param messages sends chat messages (Slack, Discord, Teams, WhatsApp)
 */
public record CapabilityPorts(MailPort mail, FilesPort files, MessagingPort messages) {
  /** Mail only. */
  public static CapabilityPorts mail(MailPort mail) {
    return new CapabilityPorts(mail, null, null);
  }

  /** Files only. */
  public static CapabilityPorts files(FilesPort files) {
    return new CapabilityPorts(null, files, null);
  }

  /** Messages only. */
  public static CapabilityPorts messages(MessagingPort messages) {
    return new CapabilityPorts(null, null, messages);
  }

  /** The capabilities these ports serve. */
  Set<Capability> offered() {
    Set<Capability> offered = EnumSet.noneOf(Capability.class);
    if (mail != null) {
      offered.add(Capability.MAIL);
    }
    if (files != null) {
      offered.add(Capability.FILES);
    }
    if (messages != null) {
      offered.add(Capability.MESSAGES);
    }
    return offered;
  }
}
