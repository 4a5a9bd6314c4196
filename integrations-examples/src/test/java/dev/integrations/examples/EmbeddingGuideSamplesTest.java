package dev.integrations.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} block of docs/embedding.md is a tagged region of this module's compiled, tested
 * sources, so a sample in the guide cannot rot. A block is preceded by {@code <!-- sample: name -->};
 * the region sits between {@code // tag::name[]} and {@code // end::name[]}. Indentation is ignored.
 */
class EmbeddingGuideSamplesTest {
  private static final Path GUIDE = Path.of("..", "docs", "embedding.md");
  private static final Path SOURCES = Path.of("src");
  private static final Pattern BLOCK =
      Pattern.compile("(?:<!-- sample: ([\\w-]+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w-]+)\\[]\\s*$");

  @Test
  void every_java_block_of_the_guide_is_a_tagged_region_of_the_examples() throws IOException {
    Map<String, String> regions = taggedRegions();
    Matcher block = BLOCK.matcher(Files.readString(GUIDE));
    List<String> shown = new ArrayList<>();
    while (block.find()) {
      String name = block.group(1);
      assertThat(name).as("a ```java block without <!-- sample: name --> above it:%n%s", block.group(2)).isNotNull();
      assertThat(regions).as("tagged regions").containsKey(name);
      assertThat(normalize(block.group(2))).as("sample %s", name).isEqualTo(normalize(regions.get(name)));
      shown.add(name);
    }
    assertThat(shown).as("samples in the guide").doesNotHaveDuplicates().isNotEmpty();
    assertThat(regions.keySet()).as("tagged regions not shown in the guide").isSubsetOf(shown);
  }

  /** Every region between tag and end markers under src/, by name; a name is used once. */
  static Map<String, String> taggedRegions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      Map<String, StringBuilder> open = new LinkedHashMap<>();
      for (String line : Files.readAllLines(file)) {
        Matcher tag = TAG.matcher(line);
        if (!tag.matches()) {
          open.values().forEach(region -> region.append(line).append('\n'));
        } else if (tag.group(1).equals("tag")) {
          assertThat(regions).as("tag %s in %s is used twice", tag.group(2), file).doesNotContainKey(tag.group(2));
          open.put(tag.group(2), new StringBuilder());
        } else {
          StringBuilder region = open.remove(tag.group(2));
          assertThat(region).as("end::%s[] without its tag in %s", tag.group(2), file).isNotNull();
          regions.put(tag.group(2), region.toString());
        }
      }
      assertThat(open).as("tags never ended in %s", file).isEmpty();
    }
    return regions;
  }

  /** The text without its common indentation, trailing spaces and surrounding blank lines. */
  static String normalize(String text) {
    List<String> lines = text.strip().isEmpty() ? List.of() : text.stripTrailing().lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
    }
    return out.toString().strip();
  }
}
