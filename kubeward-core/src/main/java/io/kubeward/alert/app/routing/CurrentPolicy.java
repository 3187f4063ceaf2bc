package io.kubeward.alert.app.routing;

import io.kubeward.alert.domain.routing.InvalidRoutingException;
import io.kubeward.alert.domain.routing.PolicyDocument;
import io.kubeward.alert.domain.routing.RoutingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in force: the newest stored document compiled, or {@link PolicyDocument#defaults()}
 * while none is stored. Compiled again only when the stored version changes, so another replica's
 * change takes effect at this replica's next dispatch pass.
 */
public final class CurrentPolicy {

  private static final Logger log = LoggerFactory.getLogger(CurrentPolicy.class);
  private static final RoutingPolicy DEFAULTS = RoutingPolicy.compile(PolicyDocument.defaults());

  private final PolicyStore store;
  private volatile long version = -1;
  private volatile RoutingPolicy policy = DEFAULTS;

  public CurrentPolicy(PolicyStore store) {
    this.store = store;
  }

  public static RoutingPolicy defaults() {
    return DEFAULTS;
  }

  public RoutingPolicy get() {
    long now = store.currentVersion();
    if (now == version) {
      return policy;
    }
    synchronized (this) {
      if (now != version) {
        RoutingPolicy next = DEFAULTS;
        var stored = store.current();
        if (stored.isPresent()) {
          try {
            next = RoutingPolicy.compile(stored.get().document());
          } catch (InvalidRoutingException e) {
            log.error(
                "The stored notification policy version {} is invalid ({}); using the defaults",
                stored.get().version(),
                e.getMessage());
          }
        }
        policy = next;
        version = stored.map(PolicyStore.Stored::version).orElse(0L);
      }
      return policy;
    }
  }
}
