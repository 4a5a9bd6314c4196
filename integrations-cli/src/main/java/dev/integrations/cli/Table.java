package dev.integrations.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with a header row and columns aligned by padding: {@code kubectl get} style.
 * Empty cells print as {@code -}; cells longer than {@value #MAX_CELL} characters are cut with an
 * ellipsis.
 */
final class Table {
  static final int MAX_CELL = 48;
  private static final String GAP = "  ";

  private final String[] headers;
  private final List<String[]> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = headers.clone();
  }

  /** Adds a row; {@code cells} has one value per header, null for none. */
  Table row(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException(headers.length + " cells expected, not " + cells.length);
    }
    rows.add(Arrays.stream(cells).map(Table::cell).toArray(String[]::new));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.length];
    for (int column = 0; column < headers.length; column++) {
      widths[column] = headers[column].length();
      for (String[] row : rows) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    printRow(out, headers, widths);
    rows.forEach(row -> printRow(out, row, widths));
  }

  private static void printRow(PrintWriter out, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < cells.length; column++) {
      boolean last = column == cells.length - 1;
      line.append(last ? cells[column] : pad(cells[column], widths[column]))
          .append(last ? "" : GAP);
    }
    out.println(line.toString().stripTrailing());
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String cell(Object value) {
    if (value == null) {
      return "-";
    }
    String text = value.toString().replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "-";
    }
    return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
  }
}
