package io.kubeward.server.ha;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The console's session store with the last access written at most once per {@link #step} instead
 * of on every request (issue 19, ADR 0059).
 *
 * <p>Spring Session marks a session changed on every request because the request moves its last
 * access time, so the JDBC store ran an {@code UPDATE} of the session row, in a transaction of its
 * own, for every API call: at 50 console users the session store was the largest single cost of a
 * filtered page (a fifth of the server's request CPU, and requests queued for the connection pool;
 * see the ADR). Here a request moves the stored last access only when it is at least {@link #step}
 * later than the stored one; every other change of a session (attributes, a new id, the time-out)
 * is saved as before, at once, on every replica.
 *
 * <p>The one consequence: a session idle for its time-out may end up to {@link #step} earlier than
 * the exact time-out after its last request, the step being at most a hundred-and-twentieth of the
 * time-out and at most a minute (2 h → 1 min). Nothing reads the last access time otherwise.
 */
final class CoarseLastAccessSessions
    implements FindByIndexNameSessionRepository<CoarseLastAccessSessions.CoarseSession>,
        DisposableBean {

  /** The longest step between two written last accesses. */
  static final Duration MAX_STEP = Duration.ofMinutes(1);

  @SuppressWarnings("rawtypes")
  private final FindByIndexNameSessionRepository delegate;

  CoarseLastAccessSessions(FindByIndexNameSessionRepository<? extends Session> delegate) {
    this.delegate = delegate;
  }

  /** How far a request may move the last access before it is written, for a session's time-out. */
  static Duration step(Duration maxInactiveInterval) {
    if (maxInactiveInterval == null || maxInactiveInterval.isNegative()) {
      return Duration.ZERO; // never expires: nothing to be precise about, write as before
    }
    Duration share = maxInactiveInterval.dividedBy(120);
    return share.compareTo(MAX_STEP) < 0 ? share : MAX_STEP;
  }

  @Override
  public CoarseSession createSession() {
    return new CoarseSession(delegate.createSession());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void save(CoarseSession session) {
    delegate.save(session.stored);
  }

  @Override
  public CoarseSession findById(String id) {
    Session stored = delegate.findById(id);
    return stored == null ? null : new CoarseSession(stored);
  }

  @Override
  public void deleteById(String id) {
    delegate.deleteById(id);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, CoarseSession> findByIndexNameAndIndexValue(
      String indexName, String indexValue) {
    Map<String, CoarseSession> sessions = new LinkedHashMap<>();
    ((Map<String, Session>) delegate.findByIndexNameAndIndexValue(indexName, indexValue))
        .forEach((id, session) -> sessions.put(id, new CoarseSession(session)));
    return sessions;
  }

  /** Stops the store's clean-up of expired sessions, as the store itself would on shutdown. */
  @Override
  public void destroy() throws Exception {
    if (delegate instanceof DisposableBean disposable) {
      disposable.destroy();
    }
  }

  /** A stored session whose last access moves only in steps; everything else passes through. */
  static final class CoarseSession implements Session {

    private final Session stored;

    private CoarseSession(Session stored) {
      this.stored = stored;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      Instant last = stored.getLastAccessedTime();
      if (last == null
          || lastAccessedTime.isBefore(last)
          || Duration.between(last, lastAccessedTime)
                  .compareTo(step(stored.getMaxInactiveInterval()))
              >= 0) {
        stored.setLastAccessedTime(lastAccessedTime);
      }
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public String changeSessionId() {
      return stored.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String attributeName) {
      return stored.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
      stored.setAttribute(attributeName, attributeValue);
    }

    @Override
    public void removeAttribute(String attributeName) {
      stored.removeAttribute(attributeName);
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return stored.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      stored.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }
  }
}
