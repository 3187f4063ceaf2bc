package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Collects sections and related objects while a describer walks an object. */
final class DescriptionBuilder {

  /** Annotations kubectl describe leaves out or that may carry whole objects. */
  private static final Set<String> HIDDEN_ANNOTATIONS =
      Set.of("kubectl.kubernetes.io/last-applied-configuration");

  private static final int MAX_ANNOTATION = 200;

  private final String kind;
  private final @Nullable String namespace;
  private final String name;
  private final List<Description.DescriptionSection> sections = new ArrayList<>();
  private final Map<String, Description.RelatedObject> related = new LinkedHashMap<>();
  private @Nullable String status;

  DescriptionBuilder(String kind, @Nullable String namespace, String name) {
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
  }

  static DescriptionBuilder of(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    String kind =
        object.getKind() != null ? object.getKind() : HasMetadata.getKind(object.getClass());
    return new DescriptionBuilder(kind, meta.getNamespace(), meta.getName());
  }

  DescriptionBuilder status(@Nullable String text) {
    this.status = text;
    return this;
  }

  SectionBuilder section(String title) {
    SectionBuilder section = new SectionBuilder(title);
    return section;
  }

  void add(SectionBuilder section) {
    if (!section.rows.isEmpty() || !section.tables.isEmpty()) {
      sections.add(new Description.DescriptionSection(section.title, section.rows, section.tables));
    }
  }

  void relate(String relation, String kind, @Nullable String namespace, @Nullable String name) {
    relate(relation, kind, namespace, name, null);
  }

  void relate(
      String relation,
      String kind,
      @Nullable String namespace,
      @Nullable String name,
      @Nullable String status) {
    if (name == null || name.isEmpty()) {
      return;
    }
    Description.ObjectLink ref = new Description.ObjectLink(kind, namespace, name);
    related.putIfAbsent(relation + " " + ref, new Description.RelatedObject(relation, ref, status));
  }

  Description build() {
    return new Description(kind, namespace, name, status, sections, List.copyOf(related.values()));
  }

  /**
   * The metadata rows every kind starts with (Name, Namespace, Labels, Annotations, Created,
   * Controlled By), and the owners as related objects.
   */
  SectionBuilder metadata(HasMetadata object, DescribeContext context) {
    ObjectMeta meta = object.getMetadata();
    SectionBuilder section = section("Metadata");
    section.row("Name", meta.getName());
    if (meta.getNamespace() != null) {
      section.row("Namespace", meta.getNamespace());
    }
    section.row("CreationTimestamp", meta.getCreationTimestamp());
    section.row("Labels", Text.pairs(meta.getLabels()));
    section.row("Annotations", annotations(meta.getAnnotations()));
    if (meta.getDeletionTimestamp() != null) {
      section.row("Terminating", "since " + meta.getDeletionTimestamp());
    }
    OwnerReference controller = controllerOf(meta);
    if (controller != null) {
      Description.ObjectLink ref =
          new Description.ObjectLink(
              controller.getKind(), meta.getNamespace(), controller.getName());
      section.row("Controlled By", controller.getKind() + "/" + controller.getName(), ref);
      relate("owner", controller.getKind(), meta.getNamespace(), controller.getName());
    }
    for (Description.ObjectLink owner : context.ownerChain()) {
      relate("owner", owner.kind(), owner.namespace(), owner.name());
    }
    return section;
  }

  static @Nullable OwnerReference controllerOf(ObjectMeta meta) {
    if (meta.getOwnerReferences() == null) {
      return null;
    }
    OwnerReference first = null;
    for (OwnerReference owner : meta.getOwnerReferences()) {
      if (Boolean.TRUE.equals(owner.getController())) {
        return owner;
      }
      if (first == null) {
        first = owner;
      }
    }
    return first;
  }

  private static String annotations(@Nullable Map<String, String> annotations) {
    if (annotations == null || annotations.isEmpty()) {
      return "<none>";
    }
    Map<String, String> shown = new TreeMap<>();
    annotations.forEach(
        (k, v) -> {
          if (!HIDDEN_ANNOTATIONS.contains(k)) {
            shown.put(
                k,
                v != null && v.length() > MAX_ANNOTATION
                    ? v.substring(0, MAX_ANNOTATION) + "…"
                    : v);
          }
        });
    return Text.pairs(shown);
  }

  /** Rows and tables of one section. */
  final class SectionBuilder {
    private final String title;
    private final List<Description.DescriptionRow> rows = new ArrayList<>();
    private final List<Description.DescriptionTable> tables = new ArrayList<>();

    private SectionBuilder(String title) {
      this.title = title;
    }

    SectionBuilder row(String key, @Nullable Object value) {
      return row(key, value, null);
    }

    SectionBuilder row(String key, @Nullable Object value, Description.@Nullable ObjectLink ref) {
      rows.add(new Description.DescriptionRow(key, Text.of(value), ref));
      return this;
    }

    /** A row only when {@code value} is not null or empty. */
    SectionBuilder rowIf(String key, @Nullable Object value) {
      String text = value == null ? "" : String.valueOf(value);
      if (!text.isEmpty()) {
        rows.add(new Description.DescriptionRow(key, text, null));
      }
      return this;
    }

    SectionBuilder table(String tableTitle, List<String> columns, List<List<String>> cells) {
      if (!cells.isEmpty()) {
        tables.add(new Description.DescriptionTable(tableTitle, columns, cells));
      }
      return this;
    }

    /** Ends the section: adds it to the description (if not empty). */
    void done() {
      add(this);
    }
  }
}
