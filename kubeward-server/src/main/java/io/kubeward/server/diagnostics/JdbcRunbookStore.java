package io.kubeward.server.diagnostics;

import io.kubeward.diagnostics.app.RunbookStore;
import io.kubeward.diagnostics.domain.RuleId;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Site-specific runbook text in {@code kubeward_runbook_site}. */
final class JdbcRunbookStore implements RunbookStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcRunbookStore(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public Optional<SiteText> find(RuleId rule) {
    return jdbc.sql(
            "SELECT rule_id, markdown, updated_by, updated_at FROM kubeward_runbook_site WHERE"
                + " rule_id = ?")
        .params(rule.value())
        .query(
            (rs, row) ->
                new SiteText(
                    RuleId.of(rs.getString("rule_id")),
                    rs.getString("markdown"),
                    rs.getString("updated_by"),
                    rs.getTimestamp("updated_at").toInstant()))
        .optional();
  }

  @Override
  public void save(SiteText text) {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("DELETE FROM kubeward_runbook_site WHERE rule_id = ?")
              .params(text.rule().value())
              .update();
          jdbc.sql(
                  "INSERT INTO kubeward_runbook_site (rule_id, markdown, updated_by, updated_at)"
                      + " VALUES (?, ?, ?, ?)")
              .params(
                  text.rule().value(),
                  text.markdown(),
                  text.updatedBy(),
                  Timestamp.from(text.updatedAt()))
              .update();
        });
  }

  @Override
  public boolean delete(RuleId rule) {
    return jdbc.sql("DELETE FROM kubeward_runbook_site WHERE rule_id = ?")
            .params(rule.value())
            .update()
        > 0;
  }
}
