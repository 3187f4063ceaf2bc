package io.kubeward.server.startup;

import io.kubeward.cluster.domain.StartupTimeline;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The process's start-up moments (issue 19), taken from the injected clock as Spring announces
 * them; the JVM's own start comes from the runtime bean. Each is logged once at INFO.
 */
@Component
class StartupMoments {

  private static final Logger log = LoggerFactory.getLogger(StartupMoments.class);

  static final String WEB_SERVER_LISTENING = "web server listening";
  static final String CONTEXT_REFRESHED = "Spring context refreshed";
  static final String APPLICATION_READY = "application ready";

  private final Clock clock;
  private final Instant jvmStarted;
  private volatile @Nullable Instant webServerListening;
  private volatile @Nullable Instant contextRefreshed;
  private volatile @Nullable Instant applicationReady;

  @Autowired
  StartupMoments(Clock clock) {
    this(clock, Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
  }

  StartupMoments(Clock clock, Instant jvmStarted) {
    this.clock = clock;
    this.jvmStarted = jvmStarted;
  }

  @EventListener
  void webServerInitialized(WebServerInitializedEvent event) {
    if (webServerListening == null) {
      webServerListening = logged(WEB_SERVER_LISTENING);
    }
  }

  @EventListener
  void contextRefreshed(ContextRefreshedEvent event) {
    if (contextRefreshed == null && event.getApplicationContext().getParent() == null) {
      contextRefreshed = logged(CONTEXT_REFRESHED);
    }
  }

  @EventListener
  void applicationReady(ApplicationReadyEvent event) {
    if (applicationReady == null) {
      applicationReady = logged(APPLICATION_READY);
    }
  }

  private Instant logged(String phase) {
    Instant now = clock.instant();
    log.info(
        "Start-up phase: {} {} ms after the JVM started",
        phase,
        Duration.between(jvmStarted, now).toMillis());
    return now;
  }

  Instant jvmStarted() {
    return jvmStarted;
  }

  List<StartupTimeline.Moment> moments() {
    return List.of(
        new StartupTimeline.Moment(WEB_SERVER_LISTENING, webServerListening),
        new StartupTimeline.Moment(CONTEXT_REFRESHED, contextRefreshed),
        new StartupTimeline.Moment(APPLICATION_READY, applicationReady));
  }
}
