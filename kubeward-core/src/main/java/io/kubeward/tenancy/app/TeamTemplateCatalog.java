package io.kubeward.tenancy.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.tenancy.domain.TeamTemplate;
import io.kubeward.tenancy.domain.TeamTemplates;
import io.kubeward.tenancy.domain.TenancyException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The team templates Kubeward offers: the built-in ones (names reserved) and those administrators
 * save in the database; saves and deletes are audited ({@code tenancy.template.save|delete}).
 */
public final class TeamTemplateCatalog {

  public static final int MAX_STORED = 200;
  private final List<TeamTemplate> builtIn;
  private final TeamTemplateStore store;
  private final AuditedAction audited;
  private final Clock clock;

  public TeamTemplateCatalog(TeamTemplateStore store, AuditedAction audited, Clock clock) {
    this.builtIn = TeamTemplates.builtIn();
    this.store = store;
    this.audited = audited;
    this.clock = clock;
  }

  public List<TeamTemplate> all() {
    List<TeamTemplate> out = new ArrayList<>(builtIn);
    store.all().forEach(s -> out.add(s.template()));
    return out;
  }

  public TeamTemplate get(String name) {
    String wanted = name == null || name.isBlank() ? TeamTemplates.DEFAULT : name;
    for (TeamTemplate template : builtIn) {
      if (template.name().equals(wanted)) {
        return template;
      }
    }
    return store
        .find(wanted)
        .map(TeamTemplateStore.Stored::template)
        .orElseThrow(
            () ->
                TenancyException.templateNotFound(
                    wanted,
                    all().stream().map(TeamTemplate::name).collect(Collectors.joining(", "))));
  }

  /** Saves (creates or replaces) an admin template; built-in names are refused. */
  public TeamTemplate save(Caller caller, TeamTemplate template) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(template.name()),
        "tenancy.template.save",
        () -> {
          Authorizer.requireAdmin(caller);
          requireEditable(template.name());
          if (store.find(template.name()).isEmpty() && store.all().size() >= MAX_STORED) {
            throw TenancyException.invalid("template", "at most " + MAX_STORED + " templates");
          }
          store.save(new TeamTemplateStore.Stored(template, caller.username(), clock.instant()));
          return new AuditedAction.Outcome<>(template, template.toString());
        });
  }

  public void delete(Caller caller, String name) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(name),
        "tenancy.template.delete",
        () -> {
          Authorizer.requireAdmin(caller);
          requireEditable(name);
          if (!store.delete(name)) {
            throw TenancyException.templateNotFound(
                name, all().stream().map(TeamTemplate::name).collect(Collectors.joining(", ")));
          }
          return AuditedAction.Outcome.of(true);
        });
  }

  private void requireEditable(String name) {
    if (builtIn.stream().anyMatch(t -> t.name().equals(name))) {
      throw TenancyException.invalid("template.name", name + " is built in and cannot be changed");
    }
  }

  private static AuditedAction.Target target(String name) {
    return new AuditedAction.Target(Authorizer.KUBEWARD, null, "TeamTemplate", name);
  }
}
