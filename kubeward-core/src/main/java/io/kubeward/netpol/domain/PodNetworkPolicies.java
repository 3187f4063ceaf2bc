package io.kubeward.netpol.domain;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.kubeward.cluster.domain.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure NetworkPolicy semantics for one pod, as the Kubernetes documentation states them: a policy
 * selects the pod when its {@code podSelector} matches the pod's labels (empty: every pod of the
 * namespace); {@code policyTypes} defaults to {@code Ingress}, plus {@code Egress} when the policy
 * has egress rules; a pod selected for a direction is isolated in it and only the union of the
 * selecting policies' rules is allowed (none: default deny); a peer with a {@code podSelector}
 * alone means pods of the policy's namespace, with a {@code namespaceSelector} pods of the matching
 * namespaces; an empty rule list of peers or ports means anywhere or any port.
 */
public final class PodNetworkPolicies {

  private PodNetworkPolicies() {}

  /**
   * @param namespaceLabels the labels of every known namespace (for namespace selectors)
   */
  public static PodNetworkView evaluate(
      String cluster,
      String namespace,
      String pod,
      Map<String, String> podLabels,
      List<NetworkPolicy> policies,
      Map<String, Map<String, String>> namespaceLabels) {
    List<SelectingPolicy> selecting = new ArrayList<>();
    List<String> notSelecting = new ArrayList<>();
    List<NetworkPolicy> sorted =
        policies.stream()
            .sorted((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()))
            .toList();
    for (NetworkPolicy policy : sorted) {
      NetworkPolicySpec spec = policy.getSpec();
      if (spec == null || !selects(spec, podLabels)) {
        notSelecting.add(policy.getMetadata().getName());
        continue;
      }
      selecting.add(summary(policy, namespace, namespaceLabels));
    }
    return new PodNetworkView(
        cluster,
        namespace,
        pod,
        podLabels,
        selecting,
        notSelecting,
        direction(selecting, true),
        direction(selecting, false));
  }

  /** Whether the policy's pod selector picks a pod with these labels. */
  public static boolean selects(NetworkPolicySpec spec, Map<String, String> podLabels) {
    return LabelSelector.from(spec.getPodSelector()).matches(podLabels);
  }

  /** The policy types in force: explicit, or Ingress plus Egress when egress rules exist. */
  static boolean isolatesIngress(NetworkPolicySpec spec) {
    List<String> types = spec.getPolicyTypes();
    return types == null || types.isEmpty() || types.contains("Ingress");
  }

  static boolean isolatesEgress(NetworkPolicySpec spec) {
    List<String> types = spec.getPolicyTypes();
    if (types == null || types.isEmpty()) {
      return spec.getEgress() != null && !spec.getEgress().isEmpty();
    }
    return types.contains("Egress");
  }

  private static SelectingPolicy summary(
      NetworkPolicy policy, String namespace, Map<String, Map<String, String>> namespaceLabels) {
    NetworkPolicySpec spec = policy.getSpec();
    boolean ingress = isolatesIngress(spec);
    boolean egress = isolatesEgress(spec);
    List<NetworkRule> ingressRules = new ArrayList<>();
    if (ingress && spec.getIngress() != null) {
      for (NetworkPolicyIngressRule rule : spec.getIngress()) {
        ingressRules.add(rule(rule.getFrom(), rule.getPorts(), namespace, namespaceLabels, true));
      }
    }
    List<NetworkRule> egressRules = new ArrayList<>();
    if (egress && spec.getEgress() != null) {
      for (NetworkPolicyEgressRule rule : spec.getEgress()) {
        egressRules.add(rule(rule.getTo(), rule.getPorts(), namespace, namespaceLabels, false));
      }
    }
    return new SelectingPolicy(
        policy.getMetadata().getName(),
        selectorText(spec.getPodSelector()),
        ingress,
        egress,
        ingressRules,
        egressRules);
  }

  static NetworkRule rule(
      List<NetworkPolicyPeer> peers,
      List<NetworkPolicyPort> ports,
      String namespace,
      Map<String, Map<String, String>> namespaceLabels,
      boolean ingress) {
    List<NetworkPeer> peerSummaries = new ArrayList<>();
    if (peers != null) {
      for (NetworkPolicyPeer peer : peers) {
        peerSummaries.add(peer(peer, namespace, namespaceLabels));
      }
    }
    List<String> portTexts = new ArrayList<>();
    if (ports != null) {
      for (NetworkPolicyPort port : ports) {
        portTexts.add(port(port));
      }
    }
    String whoEn =
        peerSummaries.isEmpty()
            ? "anywhere"
            : String.join("; ", peerSummaries.stream().map(NetworkPeer::en).toList());
    String whoZh =
        peerSummaries.isEmpty()
            ? "任何来源与目标"
            : String.join("；", peerSummaries.stream().map(NetworkPeer::zh).toList());
    String portsEn = portTexts.isEmpty() ? "all ports" : "ports " + String.join(", ", portTexts);
    String portsZh = portTexts.isEmpty() ? "所有端口" : "端口 " + String.join("、", portTexts);
    String en =
        (ingress ? "Allows traffic from " : "Allows traffic to ") + whoEn + " on " + portsEn + ".";
    String zh = (ingress ? "允许来自 " : "允许发往 ") + whoZh + " 的流量，" + portsZh + "。";
    return new NetworkRule(peerSummaries, portTexts, en, zh);
  }

  static NetworkPeer peer(
      NetworkPolicyPeer peer, String namespace, Map<String, Map<String, String>> namespaceLabels) {
    IPBlock block = peer.getIpBlock();
    if (block != null) {
      List<String> except = block.getExcept() == null ? List.of() : block.getExcept();
      String exceptEn = except.isEmpty() ? "" : " except " + String.join(", ", except);
      String exceptZh = except.isEmpty() ? "" : "（除 " + String.join("、", except) + "）";
      return new NetworkPeer(
          "ip-block",
          null,
          null,
          List.of(),
          block.getCidr(),
          except,
          "IP block " + block.getCidr() + exceptEn,
          "IP 地址段 " + block.getCidr() + exceptZh);
    }
    String pods = selectorText(peer.getPodSelector());
    String podsEn = pods.isEmpty() ? "all pods" : "pods with " + pods;
    String podsZh = pods.isEmpty() ? "所有 Pod" : "标签为 " + pods + " 的 Pod";
    if (peer.getNamespaceSelector() == null) {
      return new NetworkPeer(
          "pods",
          pods,
          null,
          List.of(namespace),
          null,
          List.of(),
          podsEn + " in namespace " + namespace,
          "命名空间 " + namespace + " 中" + podsZh);
    }
    LabelSelector selector = LabelSelector.from(peer.getNamespaceSelector());
    List<String> matching = new ArrayList<>();
    new TreeMap<>(namespaceLabels)
        .forEach(
            (name, labels) -> {
              if (selector.matches(labels == null ? Map.of() : labels)) {
                matching.add(name);
              }
            });
    String namespaces = selectorText(peer.getNamespaceSelector());
    String whereEn =
        namespaces.isEmpty() ? "in every namespace" : "in namespaces with " + namespaces;
    String whereZh = namespaces.isEmpty() ? "所有命名空间中" : "标签为 " + namespaces + " 的命名空间中";
    String nowEn = " (now: " + (matching.isEmpty() ? "none" : String.join(", ", matching)) + ")";
    String nowZh = "（当前：" + (matching.isEmpty() ? "无" : String.join("、", matching)) + "）";
    return new NetworkPeer(
        "namespaces",
        pods,
        namespaces,
        matching,
        null,
        List.of(),
        podsEn + " " + whereEn + nowEn,
        whereZh + podsZh + nowZh);
  }

  static String port(NetworkPolicyPort port) {
    String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
    IntOrString value = port.getPort();
    if (value == null) {
      return "all " + protocol;
    }
    String text = value.getIntVal() != null ? value.getIntVal().toString() : value.getStrVal();
    if (port.getEndPort() != null) {
      text = text + "-" + port.getEndPort();
    }
    return text + "/" + protocol;
  }

  static String selectorText(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      new TreeMap<>(selector.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      for (var e : selector.getMatchExpressions()) {
        String values = e.getValues() == null ? "" : String.join(",", e.getValues());
        parts.add(
            switch (e.getOperator() == null ? "" : e.getOperator()) {
              case "In" -> e.getKey() + " in (" + values + ")";
              case "NotIn" -> e.getKey() + " notin (" + values + ")";
              case "Exists" -> e.getKey();
              case "DoesNotExist" -> "!" + e.getKey();
              default -> e.getKey() + " " + e.getOperator();
            });
      }
    }
    return String.join(",", parts);
  }

  private static TrafficDirection direction(List<SelectingPolicy> selecting, boolean ingress) {
    boolean isolated = false;
    List<TrafficDirection.AllowedRule> allowed = new ArrayList<>();
    for (SelectingPolicy policy : selecting) {
      if (ingress ? policy.ingress() : policy.egress()) {
        isolated = true;
        for (NetworkRule rule : ingress ? policy.ingressRules() : policy.egressRules()) {
          allowed.add(new TrafficDirection.AllowedRule(policy.name(), rule));
        }
      }
    }
    boolean denyAll = isolated && allowed.isEmpty();
    String dirEn = ingress ? "Incoming" : "Outgoing";
    String dirZh = ingress ? "入站" : "出站";
    String en;
    String zh;
    if (!isolated) {
      en = dirEn + " traffic is not restricted: no policy selects this pod for " + dirEn(ingress);
      zh = dirZh + "流量不受限制：没有策略在" + dirZh + "方向选中此 Pod。";
      en = en + ".";
    } else if (denyAll) {
      en = dirEn + " traffic is denied: the pod is selected, and no rule allows any.";
      zh = dirZh + "流量全部拒绝：Pod 被策略选中，但没有规则允许任何流量。";
    } else {
      en =
          dirEn + " traffic is allowed only by " + allowed.size() + " rule(s); all else is denied.";
      zh = dirZh + "流量仅允许 " + allowed.size() + " 条规则所列内容，其余全部拒绝。";
    }
    return new TrafficDirection(isolated, denyAll, allowed, en, zh);
  }

  private static String dirEn(boolean ingress) {
    return ingress ? "ingress" : "egress";
  }
}
