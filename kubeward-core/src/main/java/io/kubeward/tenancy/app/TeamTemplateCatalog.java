package io.kubeward.tenancy.app;

import io.kubeward.tenancy.domain.TeamTemplate;
import io.kubeward.tenancy.domain.TeamTemplates;
import io.kubeward.tenancy.domain.TenancyException;
import java.util.List;
import java.util.stream.Collectors;

/** The team templates Kubeward offers: the built-in ones (ADR 0045). */
public final class TeamTemplateCatalog {

  private final List<TeamTemplate> templates;

  public TeamTemplateCatalog() {
    this(TeamTemplates.builtIn());
  }

  public TeamTemplateCatalog(List<TeamTemplate> templates) {
    this.templates = List.copyOf(templates);
  }

  public List<TeamTemplate> all() {
    return templates;
  }

  public TeamTemplate get(String name) {
    String wanted = name == null || name.isBlank() ? TeamTemplates.DEFAULT : name;
    return templates.stream()
        .filter(t -> t.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                TenancyException.templateNotFound(
                    wanted,
                    templates.stream().map(TeamTemplate::name).collect(Collectors.joining(", "))));
  }
}
