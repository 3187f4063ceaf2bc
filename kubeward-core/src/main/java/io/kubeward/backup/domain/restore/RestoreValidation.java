package io.kubeward.backup.domain.restore;

import io.kubeward.cluster.domain.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one validator of a Restore's spec (ADR 0042), used by the API before writing and by the
 * controller before acting. Pure; every number bounded.
 */
public final class RestoreValidation {

  public static final int MAX_MAPPINGS = 100;
  public static final int MAX_LIST = 200;
  public static final int MAX_SELECTOR = 1024;
  public static final int MAX_KEY = 1024;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern RESOURCE =
      Pattern.compile("\\*|[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?");

  private RestoreValidation() {}

  public static List<RestoreProblem> validate(@Nullable String name, @Nullable RestoreSpec spec) {
    List<RestoreProblem> problems = new ArrayList<>();
    if (name != null
        && !name.isEmpty()
        && (name.length() > 63 || !DNS_LABEL.matcher(name).matches())) {
      problems.add(
          new RestoreProblem(
              "metadata.name", "must be a DNS label (a-z, 0-9, -), at most 63 characters"));
    }
    if (spec == null) {
      problems.add(new RestoreProblem("spec", "is required"));
      return problems;
    }
    source(spec.source(), problems);
    mapping(spec.namespaceMapping(), problems);
    if (spec.labelSelector() != null && !spec.labelSelector().isBlank()) {
      if (spec.labelSelector().length() > MAX_SELECTOR) {
        problems.add(
            new RestoreProblem(
                "spec.labelSelector", "is longer than " + MAX_SELECTOR + " characters"));
      } else {
        try {
          LabelSelector.parse(spec.labelSelector());
        } catch (IllegalArgumentException e) {
          problems.add(
              new RestoreProblem(
                  "spec.labelSelector", "is not a label selector: " + e.getMessage()));
        }
      }
    }
    names("spec.includedNamespaces", spec.includedNamespaces(), DNS_LABEL, problems);
    names("spec.excludedNamespaces", spec.excludedNamespaces(), DNS_LABEL, problems);
    names("spec.includedResources", spec.includedResources(), RESOURCE, problems);
    names("spec.excludedResources", spec.excludedResources(), RESOURCE, problems);
    return problems;
  }

  private static void source(@Nullable RestoreSource source, List<RestoreProblem> problems) {
    if (source == null) {
      problems.add(
          new RestoreProblem(
              "spec.source", "is required: a backup, or a location and an archive key"));
      return;
    }
    boolean backup = source.backup() != null && !source.backup().isBlank();
    boolean key = source.namesArchiveKey();
    if (backup == key) {
      problems.add(
          new RestoreProblem(
              "spec.source",
              "must name either a backup (namespace and name) or an archive key, not both"));
      return;
    }
    if (backup) {
      if (source.namespace() == null || !DNS_LABEL.matcher(source.namespace()).matches()) {
        problems.add(new RestoreProblem("spec.source.namespace", "must be the backup's namespace"));
      }
      if (source.backup().length() > 253) {
        problems.add(new RestoreProblem("spec.source.backup", "is longer than 253 characters"));
      }
      if (source.location() != null || source.archiveKey() != null) {
        problems.add(new RestoreProblem("spec.source.location", "is only for an archive key"));
      }
    } else {
      if (source.location() == null || source.location().isBlank()) {
        problems.add(new RestoreProblem("spec.source.location", "is required with an archive key"));
      }
      String k = source.archiveKey();
      if (k.length() > MAX_KEY || k.startsWith("/") || k.contains("..") || k.contains("\\")) {
        problems.add(
            new RestoreProblem(
                "spec.source.archiveKey",
                "must be a relative key without .. or \\, at most " + MAX_KEY + " characters"));
      }
    }
  }

  private static void mapping(Map<String, String> mapping, List<RestoreProblem> problems) {
    if (mapping.size() > MAX_MAPPINGS) {
      problems.add(
          new RestoreProblem(
              "spec.namespaceMapping", "has more than " + MAX_MAPPINGS + " entries"));
      return;
    }
    Map<String, String> targets = new HashMap<>();
    mapping.forEach(
        (from, to) -> {
          String field = "spec.namespaceMapping." + from;
          if (!validNamespace(from) || !validNamespace(to)) {
            problems.add(
                new RestoreProblem(
                    field,
                    "both namespaces must be DNS labels (a-z, 0-9, -), at most 63 characters"));
            return;
          }
          String other = targets.putIfAbsent(to, from);
          if (other != null) {
            problems.add(
                new RestoreProblem(
                    field,
                    "maps to " + to + " like " + other + ": two namespaces cannot become one"));
          }
        });
  }

  private static boolean validNamespace(@Nullable String ns) {
    return ns != null && ns.length() <= 63 && DNS_LABEL.matcher(ns).matches();
  }

  private static void names(
      String field, List<String> values, Pattern pattern, List<RestoreProblem> problems) {
    if (values.size() > MAX_LIST) {
      problems.add(new RestoreProblem(field, "has more than " + MAX_LIST + " entries"));
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || v.length() > 253 || !pattern.matcher(v).matches()) {
        problems.add(new RestoreProblem(field + "[" + i + "]", "is not a valid name: " + v));
      }
    }
  }
}
