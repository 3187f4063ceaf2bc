package io.kubeward.server.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

class CoarseLastAccessSessionsTest {

  /** A store that keeps copies, as a database does. */
  static final class Store extends MapSessionRepository
      implements FindByIndexNameSessionRepository<MapSession> {
    int saves;

    Store() {
      super(new java.util.concurrent.ConcurrentHashMap<>());
    }

    @Override
    public void save(MapSession session) {
      saves++;
      super.save(session);
    }

    @Override
    public Map<String, MapSession> findByIndexNameAndIndexValue(String name, String value) {
      return Map.of();
    }
  }

  private final Store store = new Store();
  private final CoarseLastAccessSessions sessions = new CoarseLastAccessSessions(store);

  private String storedSession(Instant lastAccess) {
    CoarseLastAccessSessions.CoarseSession session = sessions.createSession();
    session.setMaxInactiveInterval(Duration.ofHours(2));
    session.setLastAccessedTime(lastAccess);
    sessions.save(session);
    return session.getId();
  }

  private Instant storedLastAccess(String id) {
    return store.findById(id).getLastAccessedTime();
  }

  /** As Spring's session filter does on each request: find, touch, save. */
  private void request(String id, Instant at) {
    CoarseLastAccessSessions.CoarseSession session = sessions.findById(id);
    session.setLastAccessedTime(at);
    sessions.save(session);
  }

  @Test
  void requestsWithinAMinuteOfTheStoredAccessLeaveItAsItIs() {
    Instant start = Instant.now();
    String id = storedSession(start);

    request(id, start.plusSeconds(10));
    request(id, start.plusSeconds(59));

    assertThat(storedLastAccess(id)).isEqualTo(start);
  }

  @Test
  void aRequestAMinuteOrMoreLaterMovesTheStoredAccess() {
    Instant start = Instant.now();
    String id = storedSession(start);

    request(id, start.plusSeconds(60));

    assertThat(storedLastAccess(id)).isEqualTo(start.plusSeconds(60));
  }

  @Test
  void attributesAreStoredOnTheRequestThatSetsThem() {
    Instant start = Instant.now();
    String id = storedSession(start);

    CoarseLastAccessSessions.CoarseSession session = sessions.findById(id);
    session.setLastAccessedTime(start.plusSeconds(5));
    session.setAttribute("locale", "zh-CN");
    sessions.save(session);

    assertThat(sessions.findById(id).<String>getAttribute("locale")).isEqualTo("zh-CN");
  }

  @Test
  void theStepIsAHundredAndTwentiethOfTheTimeOutAndAtMostAMinute() {
    assertThat(CoarseLastAccessSessions.step(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(1));
    assertThat(CoarseLastAccessSessions.step(Duration.ofMinutes(10)))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(CoarseLastAccessSessions.step(Duration.ofSeconds(-1))).isEqualTo(Duration.ZERO);
  }

  @Test
  void aShortTimeOutStillCountsFromWithinItsStep() {
    Instant start = Instant.now();
    CoarseLastAccessSessions.CoarseSession session = sessions.createSession();
    session.setMaxInactiveInterval(Duration.ofMinutes(10));
    session.setLastAccessedTime(start);
    sessions.save(session);

    request(session.getId(), start.plusSeconds(6));

    assertThat(storedLastAccess(session.getId())).isEqualTo(start.plusSeconds(6));
  }

  @Test
  void deletedSessionsAreGone() {
    String id = storedSession(Instant.now());

    sessions.deleteById(id);

    assertThat(sessions.findById(id)).isNull();
  }
}
