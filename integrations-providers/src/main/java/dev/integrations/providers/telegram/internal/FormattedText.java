package dev.integrations.providers.telegram.internal;

import java.util.regex.Pattern;

/**
 * How long a formatted message is once Telegram has parsed its markup, in code points. Errs on the
 * short side (markup it does not know how to read is still counted; link targets and pre-block
 * languages are not), so that no text Telegram would accept is refused here; Telegram checks again.
 *
 * @see <a href="https://core.telegram.org/bots/api#formatting-options">Formatting options</a>
 */
public final class FormattedText {
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
  private static final Pattern HTML_ENTITY =
      Pattern.compile("&(?:lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
  private static final String MARKDOWN_FORMATTING = "*_~|[]`";

  private FormattedText() {}

  /**
   * The visible length of {@code text} under {@code parseMode} ({@code HTML}, {@code MarkdownV2} or
   * null).
   */
  public static int visibleLength(String text, String parseMode) {
    if ("HTML".equals(parseMode)) {
      return html(text);
    }
    if ("MarkdownV2".equals(parseMode)) {
      return markdownV2(text);
    }
    return text.codePointCount(0, text.length());
  }

  private static int html(String text) {
    String withoutTags = HTML_TAG.matcher(text).replaceAll("");
    String decoded = HTML_ENTITY.matcher(withoutTags).replaceAll("_");
    return decoded.codePointCount(0, decoded.length());
  }

  private static int markdownV2(String text) {
    int length = 0;
    boolean lineStart = true;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      if (c == '\\' && i + 1 < text.length()) {
        length++;
        i += 1 + Character.charCount(text.codePointAt(i + 1));
      } else if (text.startsWith("```", i)) {
        i = skipLanguage(text, i + 3);
      } else if (text.startsWith("](", i)) {
        i = skipLinkTarget(text, i + 2);
      } else if (MARKDOWN_FORMATTING.indexOf(c) >= 0
          || (c == '>' && lineStart)
          || (c == '!' && text.startsWith("![", i))) {
        i += width;
      } else {
        length++;
        i += width;
      }
      lineStart = c == '\n';
    }
    return length;
  }

  /** Skips a pre block's language name ({@code ```python}) and the line break after it. */
  private static int skipLanguage(String text, int from) {
    int end = from;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end))
            || "+-_#.".indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return end < text.length() && text.charAt(end) == '\n' ? end + 1 : from;
  }

  /** Skips a link target up to its unescaped closing parenthesis. */
  private static int skipLinkTarget(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != ')') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(text.length(), i + 1);
  }
}
