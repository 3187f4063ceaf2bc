package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;

/** A pod as {@code kubectl describe pod} shows it. */
final class PodDescriber {

  private PodDescriber() {}

  static Description describe(Pod pod, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(pod);
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    String namespace = pod.getMetadata().getNamespace();
    b.status(status.getReason() != null ? status.getReason() : status.getPhase());

    DescriptionBuilder.SectionBuilder meta = b.metadata(pod, context);
    meta.row("Priority", spec.getPriority());
    meta.rowIf("Priority Class Name", spec.getPriorityClassName());
    meta.row("Service Account", spec.getServiceAccountName());
    meta.row(
        "Node",
        spec.getNodeName() == null
            ? Text.NONE
            : spec.getNodeName() + (status.getHostIP() == null ? "" : "/" + status.getHostIP()),
        spec.getNodeName() == null
            ? null
            : new Description.ObjectLink("Node", null, spec.getNodeName()));
    meta.row("Start Time", status.getStartTime());
    meta.row("Status", status.getPhase());
    meta.rowIf("Reason", status.getReason());
    meta.rowIf("Message", status.getMessage());
    meta.row("IP", status.getPodIP());
    List<String> ips = new ArrayList<>();
    if (status.getPodIPs() != null) {
      for (PodIP ip : status.getPodIPs()) {
        ips.add(ip.getIp());
      }
    }
    meta.row("IPs", Text.list(ips));
    meta.row("QoS Class", status.getQosClass());
    meta.row("Node-Selectors", Text.pairs(spec.getNodeSelector()));
    meta.row("Tolerations", PodSpecs.tolerations(spec.getTolerations()));
    meta.done();
    if (spec.getNodeName() != null) {
      b.relate("node", "Node", null, spec.getNodeName());
    }

    DescriptionBuilder.SectionBuilder init = b.section("Init Containers");
    init.table(
        "Init Containers",
        PodSpecs.CONTAINER_COLUMNS,
        PodSpecs.containers(spec.getInitContainers(), status.getInitContainerStatuses()));
    init.done();
    DescriptionBuilder.SectionBuilder containers = b.section("Containers");
    containers.table(
        "Containers",
        PodSpecs.CONTAINER_COLUMNS,
        PodSpecs.containers(spec.getContainers(), status.getContainerStatuses()));
    containers.done();

    DescriptionBuilder.SectionBuilder conditions = b.section("Conditions");
    List<List<String>> rows = new ArrayList<>();
    if (status.getConditions() != null) {
      for (PodCondition c : status.getConditions()) {
        rows.add(
            Describers.condition(
                c.getType(),
                c.getStatus(),
                c.getReason(),
                c.getMessage(),
                c.getLastTransitionTime()));
      }
    }
    conditions.table("Conditions", Describers.CONDITION_COLUMNS, rows);
    conditions.done();

    DescriptionBuilder.SectionBuilder volumes = b.section("Volumes");
    volumes.table("Volumes", PodSpecs.VOLUME_COLUMNS, PodSpecs.volumes(spec.getVolumes()));
    volumes.done();
    PodSpecs.relateReferences(b, spec, namespace);
    if (spec.getServiceAccountName() != null) {
      b.relate("serviceaccount", "ServiceAccount", namespace, spec.getServiceAccountName());
    }
    Describers.events(b, context);
    return b.build();
  }
}
