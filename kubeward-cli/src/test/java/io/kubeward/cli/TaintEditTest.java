package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.cli.TaintEdit.Taint;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaintEditTest {

  private static final List<Taint> CURRENT =
      List.of(
          new Taint("dedicated", "db", "NoSchedule"),
          new Taint("dedicated", "db", "NoExecute"),
          new Taint("gpu", null, "PreferNoSchedule"));

  @Test
  void readsTheFourForms() {
    assertThat(TaintEdit.parse(List.of("k=v:NoSchedule", "k:NoExecute", "k:NoExecute-", "k-")))
        .containsExactly(
            new TaintEdit(false, "k", "v", "NoSchedule"),
            new TaintEdit(false, "k", null, "NoExecute"),
            new TaintEdit(true, "k", null, "NoExecute"),
            new TaintEdit(true, "k", null, null));
  }

  @Test
  void addingReplacesTheValueOfTheSameKeyAndEffectAndAppendsNewOnes() {
    List<Taint> desired =
        TaintEdit.apply(
            CURRENT, TaintEdit.parse(List.of("dedicated=web:NoSchedule", "maint:NoSchedule")));

    assertThat(desired)
        .containsExactly(
            new Taint("dedicated", "web", "NoSchedule"),
            new Taint("dedicated", "db", "NoExecute"),
            new Taint("gpu", null, "PreferNoSchedule"),
            new Taint("maint", null, "NoSchedule"));
  }

  @Test
  void removesOneEffectOrEveryTaintOfAKey() {
    assertThat(TaintEdit.apply(CURRENT, TaintEdit.parse(List.of("dedicated:NoExecute-"))))
        .containsExactly(
            new Taint("dedicated", "db", "NoSchedule"), new Taint("gpu", null, "PreferNoSchedule"));
    assertThat(TaintEdit.apply(CURRENT, TaintEdit.parse(List.of("dedicated-"))))
        .containsExactly(new Taint("gpu", null, "PreferNoSchedule"));
  }

  @Test
  void leavesTheEffectsValidationToTheServer() {
    assertThat(TaintEdit.parse(List.of("k=v:Sometimes")))
        .containsExactly(new TaintEdit(false, "k", "v", "Sometimes"));
  }

  @Test
  void refusesExpressionsWithoutKeyOrEffect() {
    for (String bad : List.of("k=v", "k", ":NoSchedule", "k=v-", "k:", "-")) {
      assertThatThrownBy(() -> TaintEdit.parse(List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(bad);
    }
  }

  @Test
  void printsLikeKubectl() {
    assertThat(new Taint("k", "v", "NoSchedule")).hasToString("k=v:NoSchedule");
    assertThat(new Taint("k", null, "NoExecute")).hasToString("k:NoExecute");
  }
}
