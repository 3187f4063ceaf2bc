package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PersistentVolume rules: {@code pv.failed} (phase Failed: the reclaim — usually the deletion of
 * the backing disk — failed, the volume is stuck) and {@code pv.released} (INFO: phase Released
 * with reclaimPolicy Retain — its claim is gone, its data and cost stay, and no new claim can bind
 * it until an administrator clears its claimRef).
 */
public final class VolumeRules {

  private VolumeRules() {}

  static List<Evidence> evidence(KubeObjectView volume, ClusterFacts facts) {
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Evidence.of(Evidence.FIELD, "status", volume.status()));
    evidence.add(
        Evidence.of(
            Evidence.FIELD, "reclaimPolicy", OpsFacts.stringField(volume, "reclaimPolicy")));
    String claim = OpsFacts.stringField(volume, "claim");
    if (claim != null) {
      evidence.add(Evidence.of(Evidence.FIELD, "claim (former)", claim));
    }
    String capacity = OpsFacts.stringField(volume, "capacity");
    if (capacity != null) {
      evidence.add(Evidence.of(Evidence.FIELD, "capacity", capacity));
    }
    evidence.addAll(OpsFacts.warningEvents(facts, ObjectRefs.of(volume), OpsFacts.MAX_EVENTS));
    return evidence;
  }

  /** {@code pv.failed}. */
  public static final class Failed extends BaseRule {

    public Failed() {
      super(
          "pv.failed",
          Severity.WARNING,
          "PersistentVolume",
          Set.of("Event"),
          Bilingual.of("PersistentVolume failed", "PersistentVolume 处于 Failed 状态"));
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView volume, ClusterFacts facts) {
      if (!"Failed".equals(volume.status())) {
        return List.of();
      }
      return finding(
          volume,
          Bilingual.of(
              "PersistentVolume "
                  + volume.name()
                  + " is Failed: reclaiming it (deleting or recycling its storage) did not work, so"
                  + " the storage may still exist and cost money.",
              "PersistentVolume "
                  + volume.name()
                  + " 处于 Failed 状态：回收（删除或清理其存储）失败，底层存储可能仍然存在并产生费用。"),
          evidence(volume, facts),
          Bilingual.of(
              "Read its events for the provisioner's error, delete the backing disk by hand if"
                  + " needed, then `kubectl delete pv "
                  + volume.name()
                  + "`.",
              "查看其事件中供应者的错误，必要时手动删除底层磁盘，然后执行 `kubectl delete pv " + volume.name() + "`。"));
    }
  }

  /** {@code pv.released}. */
  public static final class Released extends BaseRule {

    public Released() {
      super(
          "pv.released",
          Severity.INFO,
          "PersistentVolume",
          Set.of(),
          Bilingual.of("PersistentVolume released and retained", "PersistentVolume 已释放但被保留"));
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView volume, ClusterFacts facts) {
      if (!"Released".equals(volume.status())
          || !"Retain".equals(OpsFacts.stringField(volume, "reclaimPolicy"))) {
        return List.of();
      }
      return finding(
          volume,
          Bilingual.of(
              "PersistentVolume "
                  + volume.name()
                  + " is Released and retained: its claim ("
                  + OpsFacts.stringField(volume, "claim")
                  + ") was deleted, its data and storage remain, and no new claim can bind it.",
              "PersistentVolume "
                  + volume.name()
                  + " 已释放并被保留：其 PVC（"
                  + OpsFacts.stringField(volume, "claim")
                  + "）已删除，数据和存储仍在，新的 PVC 无法绑定它。"),
          evidence(volume, facts),
          Bilingual.of(
              "Back up what is needed, then delete the volume and its storage; or make it"
                  + " Available again for a new claim: `kubectl patch pv "
                  + volume.name()
                  + " -p '{\"spec\":{\"claimRef\":null}}'`.",
              "备份需要的数据后删除该卷及其存储；或使其重新变为 Available 以供新的 PVC 使用：`kubectl patch pv "
                  + volume.name()
                  + " -p '{\"spec\":{\"claimRef\":null}}'`。"));
    }
  }

  /** Refs of cluster-scoped subjects. */
  static final class ObjectRefs {
    private ObjectRefs() {}

    static io.kubeward.diagnostics.domain.ObjectRef of(KubeObjectView volume) {
      return io.kubeward.diagnostics.domain.ObjectRef.of("PersistentVolume", null, volume.name());
    }
  }
}
