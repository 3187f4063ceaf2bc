package io.kubeward.resource.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context: what {@code diff -u}
 * prints, headers included. Pure; quadratic in the number of lines (fine for objects of up to a few
 * thousand lines).
 */
public final class UnifiedDiff {

  static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /**
   * @param before {@code null} for a new object
   * @return the diff, or an empty string when the texts are equal
   */
  public static String of(String before, String after, String beforeLabel, String afterLabel) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Edit> edits = edits(a, b);
    if (edits.stream().allMatch(e -> e.type == ' ')) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(beforeLabel).append('\n');
    out.append("+++ ").append(afterLabel).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).type == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // extend the hunk while changes are within 2*CONTEXT lines of each other
      int lastChange = i;
      for (int j = i; j < edits.size(); j++) {
        if (edits.get(j).type != ' ') {
          lastChange = j;
        } else if (j - lastChange > 2 * CONTEXT) {
          break;
        }
        end = j;
      }
      end = Math.min(edits.size() - 1, lastChange + CONTEXT);
      hunk(out, edits, start, end);
      i = end + 1;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<Edit> edits, int start, int end) {
    int aStart = edits.get(start).aLine;
    int bStart = edits.get(start).bLine;
    int aCount = 0;
    int bCount = 0;
    for (int k = start; k <= end; k++) {
      char type = edits.get(k).type;
      if (type != '+') {
        aCount++;
      }
      if (type != '-') {
        bCount++;
      }
    }
    out.append("@@ -")
        .append(range(aStart, aCount))
        .append(" +")
        .append(range(bStart, bCount))
        .append(" @@\n");
    for (int k = start; k <= end; k++) {
      out.append(edits.get(k).type).append(edits.get(k).text).append('\n');
    }
  }

  private static String range(int start, int count) {
    if (count == 0) {
      return (start - 1) + ",0";
    }
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  /** One line of the edit script; lines numbered from 1 in each text. */
  private record Edit(char type, String text, int aLine, int bLine) {}

  private static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i + 1, j + 1));
        i++;
      } else {
        edits.add(new Edit('+', b.get(j), i + 1, j + 1));
        j++;
      }
    }
    return edits;
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }
}
