package io.kubeward.testkit;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;

/**
 * Test writes to objects that others update too (KWOK posts node status and heartbeats): a write
 * based on a read that became stale answers 409 Conflict; read again and retry, within a deadline.
 */
public final class Conflicts {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private Conflicts() {}

  /** Runs {@code write} (which must read the object itself) until it does not answer 409. */
  public static void retry(Runnable write) {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (true) {
      try {
        write.run();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || Instant.now().isAfter(deadline)) {
          throw e;
        }
      }
    }
  }
}
