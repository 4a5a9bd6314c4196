package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void aligns_columns_to_the_widest_cell_and_prints_dashes_for_empty_cells() {
    String printed =
        print(
            new Table("TYPE", "NAME", "STATUS")
                .row("gmail", "Gmail", "connected")
                .row("google_drive", null, "")
                .row("telegram", "Telegram", "error"));

    assertThat(printed)
        .isEqualTo(
            """
        TYPE          NAME      STATUS
        gmail         Gmail     connected
        google_drive  -         -
        telegram      Telegram  error
        """);
  }

  @Test
  void cuts_long_cells_and_flattens_line_breaks() {
    String printed = print(new Table("A", "B").row("x".repeat(60), "two\nlines"));

    assertThat(printed.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("x".repeat(Table.MAX_CELL - 1) + "…  two lines");
  }

  private static String print(Table table) {
    StringWriter out = new StringWriter();
    table.print(new PrintWriter(out, true));
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
