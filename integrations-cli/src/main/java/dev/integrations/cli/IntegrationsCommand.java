package dev.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: names the subcommands and documents configuration and exit codes. */
@Command(
    name = "integrations",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = IntegrationsCommand.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Connect users' Gmail, Google Drive and Telegram accounts, keep the credentials safe "
            + "and fresh, and act through them.",
    subcommands = {
      ServeCommand.class,
      ListCommand.class,
      ConnectIntegrationCommand.class,
      TestCommand.class,
      StatusCommand.class,
      DisconnectCommand.class,
      GmailCommand.class,
      DriveCommand.class,
      TelegramCommand.class,
      MailCommand.class,
      FilesCommand.class,
      MessageCommand.class,
      TokenCommand.class,
      WebhooksCommand.class,
      KeysCommand.class,
      DbCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      UsersCommand.class,
      McpCommand.class,
      CompletionCommand.class,
    },
    footerHeading = "%nConfiguration:%n",
    footer = {
      "Environment variables (INTEGRATIONS_*, GOOGLE_*, TELEGRAM_API_URL), over ./integrations.properties",
      "or the file named by INTEGRATIONS_CONFIG_FILE. Data lives in ./data unless INTEGRATIONS_DATA_DIR says.",
      "While 'serve' runs on that data, the other commands act through its API; --server URL (or",
      "INTEGRATIONS_SERVER_URL) with --token (or INTEGRATIONS_TOKEN) acts through any server's.",
      "Run 'integrations COMMAND --help' for a command's options."
    })
final class IntegrationsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }

  /** The version from the jar's manifest ("dev" when run from classes). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "integrations " + (version == null ? "dev" : version),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")"
      };
    }
  }
}
