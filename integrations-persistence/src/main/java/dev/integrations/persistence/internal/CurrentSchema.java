package dev.integrations.persistence.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a database already has exactly the migrations on the class path, so that starting a
 * command can skip Flyway (loading and configuring it is most of a warm {@code list}'s database
 * time). The check reads Flyway's history table once: every versioned migration in {@code
 * db/migration} must be applied, successfully, with the checksum Flyway computes (CRC32 of the
 * file's lines), and nothing else. Any doubt (no history table, a failed or unknown row, a
 * repeatable migration, an unusual class path) answers no, and Flyway does its usual work,
 * validation included.
 */
final class CurrentSchema {
  private static final String LOCATION = "db/migration";

  private CurrentSchema() {}

  static boolean isCurrent(DataSource dataSource) {
    Map<String, Integer> available;
    try {
      available = available();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return false;
    }
    if (available == null || available.isEmpty()) {
      return false;
    }
    Map<String, Integer> applied = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT \"version\", \"checksum\", \"success\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL")) {
      while (rs.next()) {
        int checksum = rs.getInt(2);
        if (!rs.getBoolean(3) || rs.wasNull()) {
          return false;
        }
        applied.put(rs.getString(1), checksum);
      }
    } catch (SQLException e) {
      return false; // a new database, or one Flyway should look at
    }
    return applied.equals(available);
  }

  /**
   * Version → checksum of every migration in {@value #LOCATION}; null when they cannot be listed.
   */
  private static Map<String, Integer> available() throws IOException, URISyntaxException {
    List<URL> roots = Collections.list(CurrentSchema.class.getClassLoader().getResources(LOCATION));
    if (roots.size() != 1) {
      return null;
    }
    URL root = roots.get(0);
    List<String> names = new ArrayList<>();
    if (root.getProtocol().equals("file")) {
      try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
        files.forEach(file -> names.add(file.getFileName().toString()));
      }
    } else if (root.getProtocol().equals("jar")
        && root.openConnection() instanceof JarURLConnection jar) {
      JarFile file = jar.getJarFile();
      file.stream()
          .map(entry -> entry.getName())
          .filter(name -> name.startsWith(LOCATION + "/") && name.length() > LOCATION.length() + 1)
          .forEach(name -> names.add(name.substring(LOCATION.length() + 1)));
    } else {
      return null;
    }
    Map<String, Integer> migrations = new HashMap<>();
    for (String name : names) {
      if (!name.endsWith(".sql")) {
        continue;
      }
      int separator = name.indexOf("__");
      if (!name.startsWith("V") || separator < 2) {
        return null; // a repeatable or unusual migration: Flyway decides
      }
      String version = name.substring(1, separator).replace('_', '.');
      migrations.put(version, checksum(LOCATION + "/" + name));
    }
    return migrations;
  }

  /**
   * Flyway's checksum of a migration: CRC32 over its lines' UTF-8 bytes, without line breaks or
   * BOM.
   */
  static int checksum(String resource) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream in = CurrentSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing " + resource);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = lines.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      while (line != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        line = lines.readLine();
      }
    }
    return (int) crc.getValue();
  }
}
