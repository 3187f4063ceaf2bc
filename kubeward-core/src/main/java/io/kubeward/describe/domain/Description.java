package io.kubeward.describe.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code kubectl describe} shows of one object, neutral of any client: titled sections of
 * key/value rows and tables, and the related objects as references the console links to. Never a
 * Secret's value (names and keys only).
 *
 * @param status a short status for the page's header (a pod's phase or reason, "3/3 ready", ...)
 */
public record Description(
    String kind,
    @Nullable String namespace,
    String name,
    @Nullable String status,
    List<DescriptionSection> sections,
    List<RelatedObject> related) {

  public Description {
    sections = List.copyOf(sections);
    related = List.copyOf(related);
  }

  /** The section titled {@code title}, if any (tests, the CLI). */
  public java.util.Optional<DescriptionSection> section(String title) {
    return sections.stream().filter(s -> s.title().equals(title)).findFirst();
  }

  /**
   * A titled part of the description (kubectl's headings: "Containers", "Conditions", ...).
   *
   * @param title the heading in English, as kubectl writes it; also the console's translation key
   */
  public record DescriptionSection(
      String title, List<DescriptionRow> rows, List<DescriptionTable> tables) {
    public DescriptionSection {
      rows = List.copyOf(rows);
      tables = List.copyOf(tables);
    }

    /** The value of the row {@code key}, if any. */
    public java.util.Optional<String> value(String key) {
      return rows.stream().filter(r -> r.key().equals(key)).map(DescriptionRow::value).findFirst();
    }

    public java.util.Optional<DescriptionTable> table(String title) {
      return tables.stream().filter(t -> t.title().equals(title)).findFirst();
    }
  }

  /** One {@code key: value} line; {@code ref} when the value names another object. */
  public record DescriptionRow(String key, String value, @Nullable ObjectLink ref) {}

  /** A table (containers, conditions, ports, ...); every row has one cell per column. */
  public record DescriptionTable(String title, List<String> columns, List<List<String>> rows) {
    public DescriptionTable {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }

    /** The cells of the column {@code column} (tests). */
    public List<String> column(String column) {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new IllegalArgumentException("no column " + column + " in " + columns);
      }
      return rows.stream().map(r -> r.get(index)).toList();
    }
  }

  /** An object the console links to ({@code namespace} null for cluster-scoped kinds). */
  public record ObjectLink(String kind, @Nullable String namespace, String name) {}

  /**
   * A related object: {@code relation} is a stable word ({@code owner}, {@code pod}, {@code
   * configmap}, {@code secret}, {@code pvc}, {@code endpointslice}, {@code service}, {@code pv},
   * {@code storageclass}, {@code target}, {@code node}, {@code replicaset}, {@code job}, ...).
   */
  public record RelatedObject(String relation, ObjectLink ref, @Nullable String status) {}
}
