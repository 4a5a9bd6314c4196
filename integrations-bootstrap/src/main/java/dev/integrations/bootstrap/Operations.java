package dev.integrations.bootstrap;

import dev.integrations.core.error.InvalidRequestException;
import dev.integrations.core.error.StorageException;
import dev.integrations.core.model.Secret;
import dev.integrations.core.model.UserId;
import dev.integrations.core.service.DisconnectOutcome;
import dev.integrations.core.service.Integrations;
import dev.integrations.persistence.AesGcmTokenCipher;
import dev.integrations.persistence.DataTransfer;
import dev.integrations.persistence.EncryptionKeys;
import dev.integrations.persistence.JdbiStores;
import dev.integrations.persistence.KeyRotation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The operator's tasks on the configured database: key status and rotation, copying to another
 * database, export and import of archives, and forgetting a user. Obtained from {@link
 * Wiring#operations()}; every task acts through the same stores and keys as the running library.
 * Thread-safe.
 */
public final class Operations {
  /**
   * How many values of one sealed column carry one key id.
   *
   * @param state {@code current}, {@code old} (configured in INTEGRATIONS_ENCRYPTION_OLD_KEYS) or
   *     {@code missing} (not configured: these values cannot be opened)
   */
  public record KeyUsage(String table, String column, String keyId, String state, long values) {}

  /**
   * What a key rotation did.
   *
   * @param resealed rows re-sealed under the current key
   * @param changedMeanwhile rows another writer changed during the rotation (read again, not
   *     overwritten)
   * @param gone rows deleted during the rotation
   * @param failed rows left as they were because their values did not open, by table and key
   */
  public record Rotation(long resealed, long changedMeanwhile, long gone, List<String> failed) {}

  /**
   * What {@link #purgeUser} did.
   *
   * @param disconnected each connection disconnected, with what its provider did about the grant
   * @param rowsDeleted the rows that held anything about the user, per table, now deleted
   */
  public record Purge(
      UserId user, List<DisconnectOutcome> disconnected, Map<String, Long> rowsDeleted) {}

  /**
   * Another database to copy into.
   *
   * @param url its JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:h2:...})
   * @param user its login, empty for none
   * @param password its password, null for none
   * @param encryptionKey the base64 key its secrets are to be sealed with, null for the current key
   *     here
   */
  public record Target(String url, String user, Secret password, Secret encryptionKey) {
    public Target {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
      return "Target[***]"; // a URL may carry a password
    }
  }

  private final Settings settings;
  private final JdbiStores stores;
  private final EncryptionKeys keys;
  private final Integrations integrations;

  Operations(Settings settings, JdbiStores stores, EncryptionKeys keys, Integrations integrations) {
    this.settings = settings;
    this.stores = stores;
    this.keys = keys;
    this.integrations = integrations;
  }

  /** The id of the key new secrets are sealed with. */
  public String currentKeyId() {
    return keys.currentKeyId();
  }

  /** Per sealed column and key id, how many stored values carry it. */
  public List<KeyUsage> keyUsage() {
    return stores.keyRotation().usage().stream()
        .map(
            u ->
                new KeyUsage(
                    u.table(), u.column(), u.keyId(), u.state().name().toLowerCase(), u.values()))
        .toList();
  }

  /** Re-seals every stored secret under the current key, {@code batchSize} rows at a time. */
  public Rotation rotateKeys(int batchSize, Consumer<Rotation> progress) {
    KeyRotation.Report report =
        stores.keyRotation().rotate(batchSize, r -> progress.accept(rotation(r)));
    return rotation(report);
  }

  private static Rotation rotation(KeyRotation.Report r) {
    return new Rotation(r.resealed(), r.changedMeanwhile(), r.gone(), r.failed());
  }

  /**
   * Copies every row of this database into {@code target}, whose schema is migrated first,
   * re-sealing each secret under the target's key, in one transaction; then compares the row
   * counts.
   *
   * @param force replace what the target holds, in the same transaction (otherwise a target with
   *     rows is refused)
   * @return the rows copied per table
   * @throws InvalidRequestException when the target holds rows and {@code force} is not set
   * @throws StorageException when a database fails or the counts differ (nothing is committed then)
   */
  public Map<String, Long> copyTo(Target target, boolean force) {
    EncryptionKeys targetKeys =
        target.encryptionKey() == null ? keys : targetKeys(target.encryptionKey());
    try (JdbiStores to =
        JdbiStores.open(
            target.url(),
            target.user(),
            target.password() == null ? "" : target.password().reveal(),
            new AesGcmTokenCipher(targetKeys),
            2)) {
      DataTransfer into = to.dataTransfer();
      refuseUnlessEmpty(into, force, "The target database");
      DataTransfer from = stores.dataTransfer();
      Map<String, Long> read;
      try (DataTransfer.Writer writer = into.writer(from.cipher(), force)) {
        read = from.read(null, writer);
        writer.commit();
      }
      Map<String, Long> copied = into.counts();
      if (!copied.equals(read)) {
        throw new StorageException(
            "The copy's row counts "
                + copied
                + " differ from the source's "
                + read
                + ": the target was written to meanwhile?");
      }
      return copied;
    }
  }

  /**
   * Writes every row to a new archive {@code file}, its secrets sealed under {@code passphrase}.
   *
   * @return the rows written per table
   */
  public Map<String, Long> export(Path file, char[] passphrase) {
    return Archive.write(stores.dataTransfer(), file, passphrase);
  }

  /**
   * Reads an archive into this database in one transaction: nothing is imported when the passphrase
   * is wrong, the file is incomplete, or this database holds rows and {@code force} is not set.
   *
   * @return the rows imported per table
   */
  public Map<String, Long> importFrom(Path file, char[] passphrase, boolean force) {
    DataTransfer into = stores.dataTransfer();
    refuseUnlessEmpty(into, force, "This database");
    return Archive.read(file, passphrase, into, force);
  }

  /**
   * Forgets {@code user}: disconnects each connection (revoking at the provider where it can), then
   * deletes every row about the user in every table that has a {@code user_id} column.
   */
  public Purge purgeUser(UserId user) {
    Map<String, Long> held = stores.userData().count(user.value());
    List<DisconnectOutcome> disconnected = integrations.connections().disconnectAll(user);
    stores.userData().delete(user.value());
    Map<String, Long> left = stores.userData().count(user.value());
    if (left.values().stream().anyMatch(n -> n > 0)) {
      throw new StorageException(
          "Rows of the user were written while purging " + left + "; run the purge again.");
    }
    return new Purge(user, disconnected, held);
  }

  /**
   * Refuses a database that holds rows, unless {@code force} (the writer then replaces them
   * atomically).
   */
  private static void refuseUnlessEmpty(DataTransfer into, boolean force, String what) {
    if (!force && !into.isEmpty()) {
      throw new InvalidRequestException(
          what
              + " is not empty ("
              + nonEmpty(into.counts())
              + "); nothing was written. Use --force to replace what it holds.");
    }
  }

  private static String nonEmpty(Map<String, Long> counts) {
    return String.join(
        ", ",
        counts.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getValue() + " in " + e.getKey())
            .toList());
  }

  private EncryptionKeys targetKeys(Secret key) {
    try {
      return EncryptionKeys.load(key.reveal(), null, settings.dataDir());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          e.getMessage().replace(EncryptionKeys.KEY_VARIABLE, "--to-encryption-key"));
    }
  }
}
