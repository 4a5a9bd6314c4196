package dev.integrations.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} block of docs/embedding.md is a tagged region of this module's compiled,
 * tested sources, so a sample in the guide cannot rot. A block is preceded by {@code <!-- sample:
 * name -->}; the region sits between {@code // tag::name[]} and {@code // end::name[]}. Indentation
 * is ignored.
 */
class EmbeddingGuideSamplesTest {
  private static final Path GUIDE = Path.of("..", "docs", "embedding.md");
  private static final Path SOURCES = Path.of("src");
  private static final Pattern BLOCK =
      Pattern.compile("(?:<!-- sample: ([\\w-]+) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([\\w-]+)\\[]\\s*$");

  @Test
  void every_java_block_of_the_guide_is_a_tagged_region_of_the_examples() throws IOException {
    assertThat(mismatches(Files.readString(GUIDE), taggedRegions())).isEmpty();
  }

  @Test
  void a_sample_edited_in_the_guide_alone_is_caught() throws IOException {
    String guide = Files.readString(GUIDE);
    String edited = guide.replace(".tokenStore(stores.tokenStore())", ".tokenStore(myTokenStore)");
    assertThat(edited).isNotEqualTo(guide);

    assertThat(mismatches(edited, taggedRegions()))
        .singleElement()
        .asString()
        .startsWith("sample build differs");
  }

  @Test
  void a_java_block_without_its_marker_or_a_region_left_out_of_the_guide_is_caught() {
    Map<String, String> regions = Map.of("shown", "a();\n", "hidden", "b();\n");
    String guide = "<!-- sample: shown -->\n```java\n  a();\n```\n\n```java\nc();\n```\n";

    assertThat(mismatches(guide, regions))
        .containsExactly(
            "a ```java block without <!-- sample: name --> above it: c();",
            "regions not in the guide: [hidden]");
  }

  /**
   * What is wrong between the guide's java blocks and the tagged regions; empty when they agree.
   */
  static List<String> mismatches(String guide, Map<String, String> regions) {
    List<String> problems = new ArrayList<>();
    Set<String> shown = new LinkedHashSet<>();
    Matcher block = BLOCK.matcher(guide);
    while (block.find()) {
      String name = block.group(1);
      String code = normalize(block.group(2));
      if (name == null) {
        problems.add("a ```java block without <!-- sample: name --> above it: " + code);
      } else if (!regions.containsKey(name)) {
        problems.add("sample " + name + " has no tag::" + name + "[] region in the examples");
      } else if (!shown.add(name)) {
        problems.add("sample " + name + " is shown twice");
      } else if (!code.equals(normalize(regions.get(name)))) {
        problems.add(
            "sample "
                + name
                + " differs from its source:\n--- guide\n"
                + code
                + "\n--- source\n"
                + normalize(regions.get(name)));
      }
    }
    Set<String> hidden = new TreeSet<>(regions.keySet());
    hidden.removeAll(shown);
    if (!hidden.isEmpty()) {
      problems.add("regions not in the guide: " + hidden);
    }
    return problems;
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
          assertThat(regions)
              .as("tag %s in %s is used twice", tag.group(2), file)
              .doesNotContainKey(tag.group(2));
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
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
    }
    return out.toString().strip();
  }
}
