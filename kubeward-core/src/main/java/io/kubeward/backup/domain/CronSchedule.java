package io.kubeward.backup.domain;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A five-field cron expression in a time zone (cron-utils, Unix definition): when a schedule fires.
 * Pure; the caller gives the time.
 */
public final class CronSchedule {

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final ExecutionTime execution;
  private final ZoneId zone;

  private CronSchedule(ExecutionTime execution, ZoneId zone) {
    this.execution = execution;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException with a sentence when the expression or the zone is invalid
   */
  public static CronSchedule parse(String cron, @Nullable String timeZone) {
    if (cron == null || cron.isBlank()) {
      throw new IllegalArgumentException("the cron expression is empty");
    }
    if (cron.length() > 200) {
      throw new IllegalArgumentException("the cron expression is longer than 200 characters");
    }
    ZoneId zone;
    try {
      zone = timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone \"" + timeZone + "\"");
    }
    try {
      return new CronSchedule(ExecutionTime.forCron(PARSER.parse(cron.strip()).validate()), zone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid cron expression \"" + cron + "\": " + e.getMessage());
    }
  }

  /** The first time strictly after {@code after}. */
  public Optional<Instant> next(Instant after) {
    return execution.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
  }

  /**
   * The latest time in {@code (after, now]}, if any: however many times were missed, a schedule
   * fires once, for the latest of them.
   */
  public Optional<Instant> due(Instant after, Instant now) {
    Optional<Instant> first = next(after);
    if (first.isEmpty() || first.get().isAfter(now)) {
      return Optional.empty();
    }
    Instant latest =
        execution.lastExecution(now.atZone(zone)).map(ZonedDateTime::toInstant).orElse(first.get());
    if (latest.isBefore(first.get())) {
      latest = first.get();
    }
    Optional<Instant> following = next(latest);
    if (following.isPresent() && !following.get().isAfter(now)) {
      latest = following.get(); // lastExecution is strictly before now; now itself may be a time
    }
    return Optional.of(latest);
  }
}
