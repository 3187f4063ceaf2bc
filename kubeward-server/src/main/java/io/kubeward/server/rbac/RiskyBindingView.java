package io.kubeward.server.rbac;

import io.kubeward.rbac.domain.BindingRef;
import io.kubeward.rbac.domain.RbacRule;
import io.kubeward.rbac.domain.RbacSubject;
import io.kubeward.rbac.domain.RiskyBinding;
import io.kubeward.rbac.domain.RoleRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * A risky binding on the wire: severity {@code critical} or {@code high}, {@code system} for
 * Kubernetes' own bindings, each risk with its wire name ({@code rbac.risk.<risk>}), explanation in
 * the caller's language and the rule that carries it; {@code roleMissing} when the role does not
 * exist.
 */
@Schema(name = "RbacRiskyBinding")
record RiskyBindingView(
    BindingRef binding,
    RoleRef role,
    boolean roleMissing,
    List<RbacSubject> subjects,
    String severity,
    boolean system,
    List<BindingRisk> risks) {

  @Schema(name = "RbacBindingRisk")
  record BindingRisk(String risk, String severity, String explanation, RbacRule rule) {}

  static RiskyBindingView of(RiskyBinding risky, Function<String, String> explain) {
    return new RiskyBindingView(
        BindingRef.of(risky.binding()),
        risky.binding().roleRef(),
        risky.role() == null,
        risky.binding().subjects(),
        RbacViews.wire(risky.severity().name()),
        risky.binding().system(),
        risky.risks().stream()
            .map(
                r ->
                    new BindingRisk(
                        r.risk().wireName(),
                        RbacViews.wire(r.risk().severity().name()),
                        explain.apply(r.risk().wireName()),
                        r.rule()))
            .toList());
  }
}
