package io.kubeward.server.backup;

import java.time.Clock;

/**
 * The clock BackupSchedules fire by: the server's clock, unless a test declares its own bean of
 * this type (to move time to a cron time instead of waiting for it).
 */
public record ScheduleClock(Clock clock) {}
