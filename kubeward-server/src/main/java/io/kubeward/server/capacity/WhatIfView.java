package io.kubeward.server.capacity;

import io.kubeward.capacity.domain.Placement;
import io.kubeward.capacity.domain.WhatIfAnswer;
import io.kubeward.capacity.domain.scheduling.ReasonCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A what-if answer with its words in the caller's language: a summary, and for each pod that does
 * not fit why not per node ("3 nodes: insufficient cpu; 2 nodes: untolerated taint
 * dedicated=gpu:NoSchedule").
 */
record WhatIfView(
    String question,
    String subject,
    int pods,
    int fitting,
    boolean allFit,
    String summary,
    List<PlacementView> placements,
    List<String> drained,
    List<String> notRecreated) {

  /** One pod's placement with its explanation ({@code null} when it fits). */
  record PlacementView(
      String pod,
      @Nullable String node,
      List<String> tiedWith,
      List<ReasonCount> reasons,
      @Nullable String explanation) {}

  static WhatIfView of(WhatIfAnswer answer, MessageSource messages, Locale locale) {
    List<PlacementView> placements = new ArrayList<>();
    for (Placement p : answer.placements()) {
      placements.add(
          new PlacementView(
              p.pod(),
              p.node(),
              p.tiedWith(),
              p.reasons(),
              p.node() == null ? explain(p.reasons(), messages, locale) : null));
    }
    String summary =
        messages.getMessage(
            "capacity.whatif.summary",
            new Object[] {answer.fitting(), answer.pods(), answer.subject()},
            locale);
    return new WhatIfView(
        answer.question(),
        answer.subject(),
        answer.pods(),
        answer.fitting(),
        answer.allFit(),
        summary,
        placements,
        answer.drained(),
        answer.notRecreated());
  }

  static String explain(List<ReasonCount> reasons, MessageSource messages, Locale locale) {
    if (reasons.isEmpty()) {
      return messages.getMessage("capacity.whatif.no-nodes", null, locale);
    }
    List<String> parts = new ArrayList<>();
    for (ReasonCount r : reasons) {
      String why =
          messages.getMessage(
              "capacity.whatif.reason." + r.code(), new Object[] {r.detail()}, r.code(), locale);
      parts.add(
          messages.getMessage("capacity.whatif.nodes", new Object[] {r.nodes(), why}, locale));
    }
    return String.join("; ", parts);
  }
}
