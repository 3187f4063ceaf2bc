package io.kubeward.server.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.stereotype.Component;

/**
 * Ends a console session: tells this replica's session listeners (its SSE streams and exec sessions
 * end with it), then deletes the session from the database (ADR 0053). Sessions live in the
 * database (Spring Session JDBC), which announces no ends, so the listeners the servlet container
 * would call are called here; other replicas' streams notice at their next re-check.
 */
@Component
public class EndedSessions {

  private final ObjectProvider<ServletListenerRegistrationBean<?>> registrations;

  EndedSessions(ObjectProvider<ServletListenerRegistrationBean<?>> registrations) {
    this.registrations = registrations;
  }

  /** Ends {@code session} (nothing if {@code null}); safe to call for an invalidated one. */
  public void end(HttpSession session) {
    if (session == null) {
      return;
    }
    HttpSessionEvent event = new HttpSessionEvent(session);
    for (HttpSessionListener listener : listeners()) {
      listener.sessionDestroyed(event);
    }
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyInvalidated) {
      // ended meanwhile (e.g. by another request of the same session)
    }
  }

  private List<HttpSessionListener> listeners() {
    return registrations
        .orderedStream()
        .map(ServletListenerRegistrationBean::getListener)
        .filter(HttpSessionListener.class::isInstance)
        .map(HttpSessionListener.class::cast)
        .toList();
  }
}
