package io.kubeward.server.user;

import io.kubeward.user.app.LoginThrottle;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code kubeward.security.login.*}); a bad value stops the start.
 *
 * @param maxFailuresPerUser failed sign-ins for one user name within {@code window} after which
 *     further attempts are refused with 429 until the oldest failure leaves the window
 * @param maxFailuresPerAddress the same per client address (all user names together)
 * @param window how long a failure counts, more than 0 and at most 1d
 */
@ConfigurationProperties("kubeward.security.login")
public record LoginProperties(
    @DefaultValue("5") int maxFailuresPerUser,
    @DefaultValue("5") int maxFailuresPerAddress,
    @DefaultValue("15m") Duration window) {

  public LoginProperties {
    settings(maxFailuresPerUser, maxFailuresPerAddress, window);
  }

  public LoginThrottle.Settings settings() {
    return settings(maxFailuresPerUser, maxFailuresPerAddress, window);
  }

  private static LoginThrottle.Settings settings(int perUser, int perAddress, Duration window) {
    return new LoginThrottle.Settings(perUser, perAddress, window);
  }
}
