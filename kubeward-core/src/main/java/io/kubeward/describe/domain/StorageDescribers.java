package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimCondition;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import java.util.ArrayList;
import java.util.List;

/** PersistentVolumeClaims and PersistentVolumes. */
final class StorageDescribers {

  private StorageDescribers() {}

  static Description claim(PersistentVolumeClaim pvc, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(pvc);
    var spec = pvc.getSpec();
    var st = pvc.getStatus();
    String phase = st == null ? null : st.getPhase();
    b.status(phase);
    DescriptionBuilder.SectionBuilder meta = b.metadata(pvc, context);
    String sc = spec.getStorageClassName();
    meta.row(
        "StorageClass",
        sc,
        sc == null || sc.isEmpty() ? null : new Description.ObjectLink("StorageClass", null, sc));
    meta.row("Status", phase);
    String volume = spec.getVolumeName();
    meta.row(
        "Volume",
        volume,
        volume == null || volume.isEmpty()
            ? null
            : new Description.ObjectLink("PersistentVolume", null, volume));
    meta.row(
        "Capacity",
        st == null || st.getCapacity() == null
            ? Text.NONE
            : Text.quantity(st.getCapacity().get("storage")));
    meta.row(
        "Requested",
        spec.getResources() == null
            ? Text.NONE
            : Text.quantities(spec.getResources().getRequests()));
    meta.row(
        "Access Modes",
        Text.accessModes(
            st == null || st.getAccessModes() == null
                ? spec.getAccessModes()
                : st.getAccessModes()));
    meta.row("VolumeMode", spec.getVolumeMode());
    if (!context.pods().isEmpty()) {
      List<String> users = new ArrayList<>();
      context.pods().forEach(p -> users.add(p.name()));
      meta.row("Used By", Text.list(users));
    }
    meta.done();
    b.relate("pv", "PersistentVolume", null, volume);
    b.relate("storageclass", "StorageClass", null, sc);
    context.pods().forEach(p -> b.relate("pod", "Pod", p.namespace(), p.name(), p.status()));
    DescriptionBuilder.SectionBuilder conditions = b.section("Conditions");
    List<List<String>> rows = new ArrayList<>();
    if (st != null && st.getConditions() != null) {
      for (PersistentVolumeClaimCondition c : st.getConditions()) {
        rows.add(
            Describers.condition(
                c.getType(),
                c.getStatus(),
                c.getReason(),
                c.getMessage(),
                c.getLastTransitionTime()));
      }
    }
    conditions.table("Conditions", Describers.CONDITION_COLUMNS, rows);
    conditions.done();
    Describers.events(b, context);
    return b.build();
  }

  static Description volume(PersistentVolume pv, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(pv);
    PersistentVolumeSpec spec = pv.getSpec();
    String phase = pv.getStatus() == null ? null : pv.getStatus().getPhase();
    b.status(phase);
    DescriptionBuilder.SectionBuilder meta = b.metadata(pv, context);
    String sc = spec.getStorageClassName();
    meta.row(
        "StorageClass",
        sc,
        sc == null || sc.isEmpty() ? null : new Description.ObjectLink("StorageClass", null, sc));
    meta.row("Status", phase);
    var claim = spec.getClaimRef();
    Description.ObjectLink claimRef =
        claim == null
            ? null
            : new Description.ObjectLink(
                "PersistentVolumeClaim", claim.getNamespace(), claim.getName());
    meta.row("Claim", claim == null ? "" : claim.getNamespace() + "/" + claim.getName(), claimRef);
    meta.row("Reclaim Policy", spec.getPersistentVolumeReclaimPolicy());
    meta.row("Access Modes", Text.accessModes(spec.getAccessModes()));
    meta.row("VolumeMode", spec.getVolumeMode());
    meta.row(
        "Capacity",
        spec.getCapacity() == null ? Text.NONE : Text.quantity(spec.getCapacity().get("storage")));
    meta.row("Node Affinity", spec.getNodeAffinity() == null ? Text.NONE : "required");
    meta.rowIf("Message", pv.getStatus() == null ? null : pv.getStatus().getMessage());
    meta.done();
    DescriptionBuilder.SectionBuilder source = b.section("Source");
    if (spec.getHostPath() != null) {
      source.row("Type", "HostPath").row("Path", spec.getHostPath().getPath());
    } else if (spec.getLocal() != null) {
      source.row("Type", "LocalVolume").row("Path", spec.getLocal().getPath());
    } else if (spec.getNfs() != null) {
      source
          .row("Type", "NFS")
          .row("Server", spec.getNfs().getServer())
          .row("Path", spec.getNfs().getPath());
    } else if (spec.getCsi() != null) {
      source
          .row("Type", "CSI")
          .row("Driver", spec.getCsi().getDriver())
          .row("VolumeHandle", spec.getCsi().getVolumeHandle());
    }
    source.done();
    if (claim != null) {
      b.relate("pvc", "PersistentVolumeClaim", claim.getNamespace(), claim.getName());
    }
    b.relate("storageclass", "StorageClass", null, sc);
    Describers.events(b, context);
    return b.build();
  }
}
