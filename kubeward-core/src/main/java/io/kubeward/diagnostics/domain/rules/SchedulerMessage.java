package io.kubeward.diagnostics.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scheduler's {@code PodScheduled} message taken apart: {@code "0/3 nodes are available: 1
 * node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. preemption: ..."} becomes 0
 * of 3 nodes and the reasons (count, text, category). Messages without the {@code N/M nodes} form
 * (e.g. {@code no nodes available to schedule pods}) are one reason without a count.
 */
public record SchedulerMessage(int available, int total, List<Reason> reasons) {

  private static final Pattern NODES =
      Pattern.compile("^\\s*(\\d+)/(\\d+) nodes are available:?\\s*(.*?)\\s*$", Pattern.DOTALL);
  private static final Pattern COUNTED = Pattern.compile("^(\\d+) (.*)$", Pattern.DOTALL);
  private static final Pattern INSUFFICIENT = Pattern.compile("^Insufficient (\\S+)$");
  private static final Pattern TAINT = Pattern.compile("untolerated taint\\(?s?\\)? ?(\\{.*\\})?");

  public enum Category {
    INSUFFICIENT,
    TAINT,
    NODE_SELECTOR,
    UNSCHEDULABLE_NODE,
    VOLUME,
    PORTS,
    POD_AFFINITY,
    TOPOLOGY_SPREAD,
    NO_NODES,
    OTHER
  }

  /**
   * One reason: how many nodes ({@code -1} when the scheduler gives none), the text as written, its
   * category and detail (the resource for {@link Category#INSUFFICIENT}, the taint for {@link
   * Category#TAINT}).
   */
  public record Reason(int nodes, String text, Category category, String detail) {}

  public static SchedulerMessage parse(String message) {
    if (message == null || message.isBlank()) {
      return new SchedulerMessage(-1, -1, List.of());
    }
    String main = message;
    int preemption = main.indexOf(" preemption:");
    if (preemption >= 0) {
      main = main.substring(0, preemption);
    }
    int available = -1;
    int total = -1;
    Matcher nodes = NODES.matcher(main);
    if (nodes.matches()) {
      available = Integer.parseInt(nodes.group(1));
      total = Integer.parseInt(nodes.group(2));
      main = nodes.group(3);
    }
    // the reasons end with the first sentence; what follows is other plugins' notes (Kubernetes
    // 1.34: "3 Insufficient cpu. no new claims to deallocate, preemption: ...")
    int sentence = main.indexOf(". ");
    if (sentence >= 0) {
      main = main.substring(0, sentence);
    }
    main = main.strip();
    while (main.endsWith(".") || main.endsWith(",")) {
      main = main.substring(0, main.length() - 1).strip();
    }
    List<Reason> reasons = new ArrayList<>();
    if (!main.isEmpty()) {
      for (String item : main.split(", (?=\\d+ )")) {
        reasons.add(reason(item.strip()));
      }
    }
    return new SchedulerMessage(available, total, List.copyOf(reasons));
  }

  private static Reason reason(String item) {
    int count = -1;
    String text = item;
    Matcher counted = COUNTED.matcher(item);
    if (counted.matches()) {
      count = Integer.parseInt(counted.group(1));
      text = counted.group(2);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    Matcher insufficient = INSUFFICIENT.matcher(text);
    if (insufficient.matches()) {
      return new Reason(count, text, Category.INSUFFICIENT, insufficient.group(1));
    }
    if (lower.startsWith("too many pods")) {
      return new Reason(count, text, Category.INSUFFICIENT, "pods");
    }
    if (lower.contains("untolerated taint")) {
      Matcher taint = TAINT.matcher(text);
      String detail = taint.find() && taint.group(1) != null ? taint.group(1) : "";
      return new Reason(count, text, Category.TAINT, detail);
    }
    if (lower.contains("node affinity/selector") || lower.contains("node selector")) {
      return new Reason(count, text, Category.NODE_SELECTOR, "");
    }
    if (lower.contains("were unschedulable") || lower.contains("was unschedulable")) {
      return new Reason(count, text, Category.UNSCHEDULABLE_NODE, "");
    }
    if (lower.contains("persistentvolumeclaim")
        || lower.contains("volume node affinity")
        || lower.contains("volume")) {
      return new Reason(count, text, Category.VOLUME, "");
    }
    if (lower.contains("free ports")) {
      return new Reason(count, text, Category.PORTS, "");
    }
    if (lower.contains("pod affinity") || lower.contains("pod anti-affinity")) {
      return new Reason(count, text, Category.POD_AFFINITY, "");
    }
    if (lower.contains("topology spread")) {
      return new Reason(count, text, Category.TOPOLOGY_SPREAD, "");
    }
    if (lower.contains("no nodes available")) {
      return new Reason(count, text, Category.NO_NODES, "");
    }
    return new Reason(count, text, Category.OTHER, "");
  }
}
