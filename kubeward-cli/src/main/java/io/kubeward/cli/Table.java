package io.kubeward.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table like kubectl's: upper-case headers, columns padded, three spaces apart. */
public final class Table {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  public Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell == null ? "-" : String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public void print(PrintWriter out, String indent) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(headers.get(i));
    }
    for (List<String> row : rows) {
      for (int i = 0; i < widths.length && i < row.size(); i++) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    line(out, indent, headers, widths);
    rows.forEach(row -> line(out, indent, row, widths));
    out.flush();
  }

  private static void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder(indent);
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      line.append(cell);
      if (i < widths.length - 1) {
        line.append(" ".repeat(widths[i] - width(cell) + 3));
      }
    }
    out.println(line.toString().stripTrailing());
  }

  /** Display width: CJK characters take two columns in a terminal. */
  static int width(String text) {
    return text.codePoints().map(c -> Character.isIdeographic(c) || isWide(c) ? 2 : 1).sum();
  }

  private static boolean isWide(int c) {
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60);
  }

  @Override
  public String toString() {
    return headers + " " + Arrays.deepToString(rows.toArray());
  }
}
