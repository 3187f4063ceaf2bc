package io.kubeward.server.release.analysis;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.diagnostics.app.DiagnosticsEngine;
import io.kubeward.history.app.PrometheusApi;
import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.release.app.ReleaseAnalysis;
import io.kubeward.release.app.analysis.AnalysisSettings;
import io.kubeward.release.app.analysis.KubewardReleaseAnalysis;
import io.kubeward.release.kube.analysis.CacheAnalysisSignals;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the {@link ReleaseAnalysis} the Release controller calls (ADR 0037): PromQL through the
 * history feature's bounded Prometheus client and each cluster's stored settings (the same ones the
 * PromQL explorer and the alert rules use), signals from the shared cache and the diagnostics
 * engine.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseAnalysisWiring {

  @Bean
  ReleaseAnalysis releaseAnalysis(
      PrometheusConfigStore prometheusConfigs,
      PrometheusApi prometheus,
      ClusterRegistry clusters,
      DiagnosticsEngine diagnostics,
      MeterRegistry registry,
      ReleaseAnalysisProperties properties) {
    return new KubewardReleaseAnalysis(
        prometheusConfigs,
        prometheus,
        new CacheAnalysisSignals(clusters, diagnostics::evaluated, diagnostics::active),
        new ReleaseAnalysisMeters(registry),
        new AnalysisSettings(properties.readinessGrace(), properties.maxPodsInQuery()));
  }
}
