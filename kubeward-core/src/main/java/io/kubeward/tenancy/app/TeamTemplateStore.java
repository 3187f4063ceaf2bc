package io.kubeward.tenancy.app;

import io.kubeward.tenancy.domain.TeamTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The admin-edited team templates ({@code team_templates}, Flyway V93). */
public interface TeamTemplateStore {

  /** A stored template with who saved it last and when. */
  record Stored(TeamTemplate template, String updatedBy, Instant updatedAt) {}

  /** By name. */
  List<Stored> all();

  Optional<Stored> find(String name);

  /** Inserts or replaces the template of that name. */
  void save(Stored stored);

  boolean delete(String name);

  /** No stored templates (tests, or a server without a database). */
  TeamTemplateStore NONE =
      new TeamTemplateStore() {
        @Override
        public List<Stored> all() {
          return List.of();
        }

        @Override
        public Optional<Stored> find(String name) {
          return Optional.empty();
        }

        @Override
        public void save(Stored stored) {
          throw new UnsupportedOperationException("no template store");
        }

        @Override
        public boolean delete(String name) {
          return false;
        }
      };
}
