package io.kubeward.server.workload;

import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.diagnostics.app.ListFindings;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.workload.app.GetWorkload;
import io.kubeward.workload.app.PodFindings;
import io.kubeward.workload.app.TrackRollout;
import io.kubeward.workload.domain.PodFinding;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workload pages and rollout tracking, with the diagnostics findings about pods. */
@Configuration(proxyBeanMethods = false)
public class WorkloadsWiring {

  @Bean
  PodFindings workloadPodFindings(ListFindings findings) {
    return (caller, cluster, namespace, pod) ->
        findings.about(caller, cluster, ObjectRef.of("Pod", namespace, pod), false).stream()
            .map(WorkloadsWiring::finding)
            .toList();
  }

  static PodFinding finding(Finding finding) {
    return new PodFinding(
        finding.id(),
        finding.rule().value(),
        finding.severity().name(),
        finding.title().en(),
        finding.title().zh(),
        finding.runbook());
  }

  @Bean
  TrackRollout trackRollout(
      ClusterReads reads, PodFindings findings, WorkloadsProperties properties, Clock clock) {
    return new TrackRollout(reads, findings, properties.settings(), clock);
  }

  @Bean
  GetWorkload getWorkload(ClusterReads reads, TrackRollout rollouts) {
    return new GetWorkload(reads, rollouts);
  }
}
