package io.kubeward.server.user;

import io.kubeward.user.app.LoginThrottle;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling and the audit of failed sign-ins ({@code kubeward.security.login.*}); a bad
 * value stops the start. See {@link LoginThrottle} for how the delays work.
 *
 * @param maxFailuresPerUser failed sign-ins of one user name (from anywhere) that cost no delay, 1
 *     to 1000
 * @param maxFailuresPerAddress the same per client address (all user names together), 1 to 100000
 * @param window failures are forgotten this long after the last one, 1s to 1d
 * @param firstDelay the delay after the first failure beyond the free ones; doubles with each
 *     further failure, 100ms to 10m
 * @param maxDelay the longest delay, from {@code first-delay} to 1h
 * @param addressBypassInterval while an address is delayed, one password check per this interval is
 *     still made for a user name with few failures of its own (so the right password of a user
 *     whose address others tripped gets through), 100ms to {@code max-delay}
 * @param maxEntries user names and addresses remembered at most, 100 to 10000000
 * @param auditWindow failed sign-ins from one address within this window after the first become one
 *     audit record, 1s to 1h
 * @param auditMaxAddresses addresses with an open audit window at most, 1 to 1000000
 */
@ConfigurationProperties("kubeward.security.login")
public record LoginProperties(
    @DefaultValue("5") int maxFailuresPerUser,
    @DefaultValue("20") int maxFailuresPerAddress,
    @DefaultValue("15m") Duration window,
    @DefaultValue("1s") Duration firstDelay,
    @DefaultValue("5m") Duration maxDelay,
    @DefaultValue("2s") Duration addressBypassInterval,
    @DefaultValue("100000") int maxEntries,
    @DefaultValue("5m") Duration auditWindow,
    @DefaultValue("10000") int auditMaxAddresses) {

  public LoginProperties {
    settings(
        maxFailuresPerUser,
        maxFailuresPerAddress,
        window,
        firstDelay,
        maxDelay,
        addressBypassInterval,
        maxEntries);
    if (auditWindow == null
        || auditWindow.compareTo(Duration.ofSeconds(1)) < 0
        || auditWindow.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("audit-window must be between 1s and 1h");
    }
    if (auditMaxAddresses < 1 || auditMaxAddresses > 1_000_000) {
      throw new IllegalArgumentException("audit-max-addresses must be between 1 and 1000000");
    }
  }

  public LoginThrottle.Settings settings() {
    return settings(
        maxFailuresPerUser,
        maxFailuresPerAddress,
        window,
        firstDelay,
        maxDelay,
        addressBypassInterval,
        maxEntries);
  }

  private static LoginThrottle.Settings settings(
      int perUser,
      int perAddress,
      Duration window,
      Duration firstDelay,
      Duration maxDelay,
      Duration bypass,
      int maxEntries) {
    return new LoginThrottle.Settings(
        perUser, perAddress, window, firstDelay, maxDelay, bypass, maxEntries);
  }
}
