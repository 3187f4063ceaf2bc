package io.kubeward.etcd.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

  @Test
  void keepsTheNewest() {
    List<String> ids = List.of("20261204T070000Z", "20261204T090000Z", "20261204T080000Z");
    assertThat(Retention.toDelete(ids, 2)).containsExactly("20261204T070000Z");
    assertThat(Retention.toDelete(ids, 3)).isEmpty();
    assertThat(Retention.toDelete(ids, 1)).containsExactly("20261204T080000Z", "20261204T070000Z");
    assertThatThrownBy(() -> Retention.toDelete(ids, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idsAreWholeUtcSecondsAndSortInTimeOrder() {
    assertThat(EtcdSnapshot.idOf(Instant.parse("2026-12-04T07:45:12.987Z")))
        .isEqualTo("20261204T074512Z");
    assertThat(EtcdSnapshot.isId("20261204T074512Z")).isTrue();
    assertThat(EtcdSnapshot.isId("20261304T074512Z")).isFalse();
    assertThat(EtcdSnapshot.isId("../../etc/passwd")).isFalse();
    assertThat(EtcdSnapshot.dbKey("local", "20261204T074512Z"))
        .isEqualTo("etcd/local/20261204T074512Z.db");
  }
}
