package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.engine.AlertEngine;
import io.kubeward.alert.app.engine.EngineObserver;
import io.kubeward.alert.app.engine.SiteLeader;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The engine's meters (ADR 0031): {@code kubeward.alerting.evaluations} (counter; tags {@code
 * scope}, {@code result} ok|failed — failed when a rule could not be evaluated), {@code
 * kubeward.alerting.evaluation.time} (timer; tag {@code scope}), {@code
 * kubeward.alerting.transitions} (counter; tag {@code scope}), {@code kubeward.alerting.alerts}
 * (gauge; tag {@code state}: the alerts of the scopes this replica evaluates) and {@code
 * kubeward.alerting.site.leader} (1 where this replica is the site leader).
 */
final class AlertEngineMeters implements EngineObserver {

  private final MeterRegistry registry;

  AlertEngineMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void bind(Supplier<AlertEngine> engine, SiteLeader leader) {
    for (AlertState state : AlertState.values()) {
      Gauge.builder(
              "kubeward.alerting.alerts",
              engine,
              e -> e.get().counts().getOrDefault(state, 0L).doubleValue())
          .description("Alerts of the scopes this replica evaluates, by state")
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder("kubeward.alerting.site.leader", leader, l -> l.leading() ? 1 : 0)
        .description("1 while this replica is the alerting site leader")
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void evaluated(AlertScope scope, Duration took, int rules, int failed, int transitions) {
    String key = scope.key();
    Counter.builder("kubeward.alerting.evaluations")
        .description("Evaluations of a scope's alert rules")
        .tag("scope", key)
        .tag("result", failed == 0 ? "ok" : "failed")
        .register(registry)
        .increment();
    Timer.builder("kubeward.alerting.evaluation.time")
        .description("Time of one evaluation of a scope's alert rules")
        .tag("scope", key)
        .register(registry)
        .record(took);
    if (transitions > 0) {
      Counter.builder("kubeward.alerting.transitions")
          .description("Alerts that started firing or resolved")
          .tag("scope", key)
          .register(registry)
          .increment(transitions);
    }
  }
}
