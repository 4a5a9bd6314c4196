package dev.integrations.cli;

import dev.integrations.core.error.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A text a command sends (mail body, chat message): given inline, read from a file ({@code -} for
 * standard input), or piped into standard input when neither is given.
 */
final class TextInput {
  private TextInput() {}

  static String read(CommandSpec spec, Terminal terminal, String inline, Path file, String what) {
    if (inline != null) {
      return inline;
    }
    try {
      if (file != null && !file.toString().equals("-")) {
        return Files.readString(file, StandardCharsets.UTF_8);
      }
      if (file != null || !terminal.interactive()) {
        return terminal.readStdin();
      }
    } catch (NoSuchFileException e) {
      throw new InvalidRequestException("No such file: " + file);
    } catch (IOException e) {
      throw new InvalidRequestException("Cannot read the " + what + ": " + e.getMessage());
    }
    throw new ParameterException(
        spec.commandLine(), "Missing the " + what + ": give it as an option or pipe it in");
  }
}
