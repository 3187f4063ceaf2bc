package io.kubeward.server.cluster;

import io.kubeward.cluster.app.ClusterStatus;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reason of a cluster's access mode in the caller's language (message {@code
 * access.reason.<code>}, the missing rights as {@code {0}}), for the console's read-only banner;
 * the English text of the core is the fallback.
 */
@Component
class AccessReasons {

  private final MessageSource messages;

  AccessReasons(MessageSource messages) {
    this.messages = messages;
  }

  ClusterStatus.Access translate(ClusterStatus.Access access, Locale locale) {
    String text =
        messages.getMessage(
            "access.reason." + access.code(),
            new Object[] {String.join(", ", access.missing())},
            access.reason(),
            locale);
    return access.withReason(text);
  }

  ClusterStatus translate(ClusterStatus status, Locale locale) {
    return status.withAccess(translate(status.access(), locale));
  }
}
