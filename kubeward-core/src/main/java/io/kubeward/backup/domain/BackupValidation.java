package io.kubeward.backup.domain;

import io.kubeward.maintenance.domain.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one validator of Backup and BackupSchedule specs (ADR 0041): the API refuses what it finds,
 * the controllers set {@code Ready=False, Invalid}. Problems are {@code field: sentence}. Pure.
 */
public final class BackupValidation {

  public static final Duration MIN_TTL = Duration.ofMinutes(1);
  public static final Duration MAX_TTL = Duration.ofDays(3650);
  public static final int MAX_RETENTION_COUNT = 1000;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern RESOURCE =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private BackupValidation() {}

  public static List<String> validate(@Nullable BackupSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      problems.add("spec: is required and must be an object");
      return problems;
    }
    validateInto("", spec, problems);
    return problems;
  }

  /** A schedule; its name must leave room for the {@code -yyyyMMddHHmmss} of its Backups. */
  public static List<String> validateSchedule(String name, @Nullable BackupScheduleSpec spec) {
    List<String> problems = new ArrayList<>();
    if (name.length() > 48) {
      problems.add("name: at most 48 characters (Backups are named <schedule>-<yyyyMMddHHmmss>)");
    }
    if (spec == null) {
      problems.add("spec: is required and must be an object");
      return problems;
    }
    try {
      CronSchedule.parse(spec.cron(), spec.timeZone());
    } catch (IllegalArgumentException e) {
      problems.add("cron: " + e.getMessage());
    }
    if (spec.retention() != null) {
      Integer count = spec.retention().count();
      if (count != null && (count < 1 || count > MAX_RETENTION_COUNT)) {
        problems.add("retention.count: must lie between 1 and " + MAX_RETENTION_COUNT);
      }
      if (spec.retention().maxAge() != null) {
        duration("retention.maxAge", spec.retention().maxAge(), problems);
      }
    }
    validateInto("template.", spec.templateOrDefault(), problems);
    return problems;
  }

  /** The retention's maximum age, null when none (or invalid). */
  public static @Nullable Duration maxAge(BackupScheduleSpec spec) {
    if (spec.retention() == null || spec.retention().maxAge() == null) {
      return null;
    }
    return duration("retention.maxAge", spec.retention().maxAge(), new ArrayList<>());
  }

  /** The TTL, null when none (or invalid). */
  public static @Nullable Duration ttl(BackupSpec spec) {
    return spec.ttl() == null ? null : duration("ttl", spec.ttl(), new ArrayList<>());
  }

  private static void validateInto(String prefix, BackupSpec spec, List<String> problems) {
    String location = spec.locationOrDefault();
    if (!DNS_LABEL.matcher(location).matches()) {
      problems.add(prefix + "location: \"" + location + "\" is not a location name");
    }
    if (spec.ttl() != null) {
      duration(prefix + "ttl", spec.ttl(), problems);
    }
    BackupScope scope = spec.scope();
    names(prefix + "scope.namespaces", scope.namespaces(), DNS_LABEL, problems);
    names(prefix + "scope.excludedNamespaces", scope.excludedNamespaces(), DNS_LABEL, problems);
    names(prefix + "scope.resources", scope.resources(), RESOURCE, problems);
    names(prefix + "scope.excludedResources", scope.excludedResources(), RESOURCE, problems);
    if (scope.labelSelector() != null) {
      try {
        LabelSelectors.parse(scope.labelSelector());
      } catch (IllegalArgumentException e) {
        problems.add(prefix + "scope.labelSelector: " + e.getMessage());
      }
    }
  }

  private static void names(
      String field, List<String> values, Pattern pattern, List<String> problems) {
    if (values.size() > 1000) {
      problems.add(field + ": at most 1000 entries");
      return;
    }
    for (String v : values) {
      if (v == null || v.length() > 253 || !pattern.matcher(v).matches()) {
        problems.add(field + ": \"" + abbreviate(v) + "\" is not a valid name");
      }
    }
  }

  private static @Nullable Duration duration(String field, String text, List<String> problems) {
    try {
      Duration d = GoDuration.parse(text);
      if (d.compareTo(MIN_TTL) < 0 || d.compareTo(MAX_TTL) > 0) {
        problems.add(field + ": must lie between 1m and 87600h, is " + abbreviate(text));
        return null;
      }
      return d;
    } catch (IllegalArgumentException e) {
      problems.add(field + ": \"" + abbreviate(text) + "\" is not a duration (e.g. 720h)");
      return null;
    }
  }

  private static String abbreviate(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
