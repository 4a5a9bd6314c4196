package dev.integrations.providers.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormattedTextTest {

  @Test
  void plain_text_counts_code_points() {
    assertThat(FormattedText.visibleLength("h\uD83D\uDE00llo", null)).isEqualTo(5);
  }

  @Test
  void html_counts_text_without_tags_and_each_entity_as_one_character() {
    String html =
        "<b>bold</b> &amp; <a href=\"https://example.com/a?b=c&amp;d\">link</a> &#128512;&lt;";

    // "bold & link 😀<"
    assertThat(FormattedText.visibleLength(html, "HTML")).isEqualTo(14);
  }

  @Test
  void markdown_v2_drops_formatting_and_link_targets_but_keeps_escaped_characters() {
    String markdown =
        "*bold* _it_ __under__ ~s~ ||spoiler|| \\*not\\* [link](https://example.com/\\)x) 1\\.5";

    // bold it under s spoiler *not* link 1.5
    assertThat(FormattedText.visibleLength(markdown, "MarkdownV2"))
        .isEqualTo("bold it under s spoiler *not* link 1.5".length());
  }

  @Test
  void markdown_v2_drops_block_quote_markers_and_pre_block_languages() {
    String markdown = ">quoted\n```python\nprint(1)\n```";

    assertThat(FormattedText.visibleLength(markdown, "MarkdownV2"))
        .isEqualTo("quoted\nprint(1)\n".length());
  }
}
