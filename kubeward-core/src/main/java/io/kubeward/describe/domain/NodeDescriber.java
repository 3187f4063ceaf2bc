package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.Taint;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A node, with the pods on it from the cache (as the caller may list them). */
final class NodeDescriber {

  private NodeDescriber() {}

  static Description describe(Node node, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(node);
    var spec = node.getSpec();
    var st = node.getStatus();
    DescriptionBuilder.SectionBuilder meta = b.metadata(node, context);
    List<String> roles = new ArrayList<>();
    if (node.getMetadata().getLabels() != null) {
      for (String key : new TreeMap<>(node.getMetadata().getLabels()).keySet()) {
        if (key.startsWith("node-role.kubernetes.io/")) {
          roles.add(key.substring("node-role.kubernetes.io/".length()));
        } else if (key.equals("kubernetes.io/role")) {
          roles.add(node.getMetadata().getLabels().get(key));
        }
      }
    }
    meta.row(
        "Roles", roles.isEmpty() ? Text.NONE : String.join(",", new java.util.TreeSet<>(roles)));
    List<String> taints = new ArrayList<>();
    if (spec != null && spec.getTaints() != null) {
      for (Taint t : spec.getTaints()) {
        taints.add(
            t.getKey()
                + (t.getValue() == null || t.getValue().isEmpty() ? "" : "=" + t.getValue())
                + ":"
                + t.getEffect());
      }
    }
    meta.row("Taints", Text.list(taints));
    boolean unschedulable = spec != null && Boolean.TRUE.equals(spec.getUnschedulable());
    meta.row("Unschedulable", Boolean.toString(unschedulable));
    if (spec != null) {
      meta.rowIf("PodCIDR", spec.getPodCIDR());
      meta.rowIf("ProviderID", spec.getProviderID());
    }
    meta.done();

    String ready = "Unknown";
    List<List<String>> rows = new ArrayList<>();
    if (st != null && st.getConditions() != null) {
      for (NodeCondition c : st.getConditions()) {
        rows.add(
            Describers.condition(
                c.getType(),
                c.getStatus(),
                c.getReason(),
                c.getMessage(),
                c.getLastTransitionTime()));
        if ("Ready".equals(c.getType())) {
          ready = "True".equals(c.getStatus()) ? "Ready" : "NotReady";
        }
      }
    }
    b.status(ready + (unschedulable ? ",SchedulingDisabled" : ""));
    DescriptionBuilder.SectionBuilder conditions = b.section("Conditions");
    conditions.table("Conditions", Describers.CONDITION_COLUMNS, rows);
    conditions.done();

    DescriptionBuilder.SectionBuilder addresses = b.section("Addresses");
    if (st != null && st.getAddresses() != null) {
      for (NodeAddress a : st.getAddresses()) {
        addresses.row(a.getType(), a.getAddress());
      }
    }
    addresses.done();

    DescriptionBuilder.SectionBuilder capacity = b.section("Capacity");
    List<List<String>> resources = new ArrayList<>();
    Map<String, ?> cap =
        st == null || st.getCapacity() == null ? Map.of() : new TreeMap<>(st.getCapacity());
    for (String resource : cap.keySet()) {
      resources.add(
          List.of(
              resource,
              Text.of(st.getCapacity().get(resource)),
              st.getAllocatable() == null
                  ? Text.NONE
                  : Text.of(st.getAllocatable().get(resource))));
    }
    capacity.table("Capacity", List.of("Resource", "Capacity", "Allocatable"), resources);
    capacity.done();

    if (st != null && st.getNodeInfo() != null) {
      NodeSystemInfo info = st.getNodeInfo();
      b.section("System Info")
          .row("Machine ID", info.getMachineID())
          .row("Kernel Version", info.getKernelVersion())
          .row("OS Image", info.getOsImage())
          .row("Operating System", info.getOperatingSystem())
          .row("Architecture", info.getArchitecture())
          .row("Container Runtime Version", info.getContainerRuntimeVersion())
          .row("Kubelet Version", info.getKubeletVersion())
          .row("Kube-Proxy Version", info.getKubeProxyVersion())
          .done();
    }

    DescriptionBuilder.SectionBuilder pods = b.section("Non-terminated Pods");
    List<List<String>> podRows = new ArrayList<>();
    Resources requests = Resources.ZERO;
    Resources limits = Resources.ZERO;
    int count = 0;
    for (PodView pod : context.pods()) {
      if (!pod.holdsResources()) {
        continue;
      }
      count++;
      requests = requests.plus(pod.requests());
      limits = limits.plus(pod.limits());
      podRows.add(
          List.of(
              pod.namespace(),
              pod.name(),
              pod.requests().cpuMillis() + "m",
              pod.limits().cpuMillis() + "m",
              Long.toString(pod.requests().memoryBytes()),
              Long.toString(pod.limits().memoryBytes())));
      b.relate("pod", "Pod", pod.namespace(), pod.name(), pod.status());
    }
    pods.row("Count", Integer.toString(count));
    pods.row("CPU Requests", requests.cpuMillis() + "m");
    pods.row("CPU Limits", limits.cpuMillis() + "m");
    pods.row("Memory Requests", Long.toString(requests.memoryBytes()));
    pods.row("Memory Limits", Long.toString(limits.memoryBytes()));
    pods.table(
        "Non-terminated Pods",
        List.of(
            "Namespace", "Name", "CPU Requests", "CPU Limits", "Memory Requests", "Memory Limits"),
        podRows);
    pods.done();
    Describers.events(b, context);
    return b.build();
  }
}
