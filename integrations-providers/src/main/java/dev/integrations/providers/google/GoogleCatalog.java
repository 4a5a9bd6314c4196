package dev.integrations.providers.google;

import dev.integrations.core.model.AuthMethod;
import dev.integrations.core.model.Capability;
import dev.integrations.core.model.Integration;
import dev.integrations.core.model.IntegrationType;
import java.util.Set;

/** The catalog entries of the Google integrations, as the original service showed them. */
final class GoogleCatalog {
  static final String GMAIL_SEND = "https://www.googleapis.com/auth/gmail.send";
  static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";
  static final String DRIVE_FILE = "https://www.googleapis.com/auth/drive.file";

  /**
   * Gmail and Drive are two integrations on one Google OAuth client; one account's grant serves
   * both.
   */
  static final String CREDENTIALS_GROUP = "google";

  static final Integration GMAIL =
      new Integration(
          IntegrationType.GMAIL,
          "Gmail",
          "Send and receive emails via Gmail API",
          "mail",
          AuthMethod.OAUTH2,
          Set.of(GMAIL_SEND, GMAIL_READONLY),
          CREDENTIALS_GROUP,
          Set.of(Capability.MAIL),
          true);

  static final Integration GOOGLE_DRIVE =
      new Integration(
          IntegrationType.GOOGLE_DRIVE,
          "Google Drive",
          "Upload and manage files in Google Drive",
          "hard-drive",
          AuthMethod.OAUTH2,
          Set.of(DRIVE_FILE),
          CREDENTIALS_GROUP,
          Set.of(Capability.FILES),
          true);

  private GoogleCatalog() {}
}
