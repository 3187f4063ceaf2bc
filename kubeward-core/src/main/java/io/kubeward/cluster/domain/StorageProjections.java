package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.view;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;
import java.util.Map;

/** PersistentVolumeClaims, PersistentVolumes and StorageClasses to {@link ObjectView}s. */
public final class StorageProjections {

  private StorageProjections() {}

  public static ObjectView persistentVolumeClaim(PersistentVolumeClaim object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    String capacity =
        status == null
                || status.getCapacity() == null
                || status.getCapacity().get("storage") == null
            ? null
            : status.getCapacity().get("storage").toString();
    return view(
        object,
        status == null ? "Pending" : status.getPhase(),
        fields(
            "storageClass",
            spec == null ? null : spec.getStorageClassName(),
            "volumeName",
            spec == null ? null : spec.getVolumeName(),
            "capacity",
            capacity,
            "accessModes",
            spec == null || spec.getAccessModes() == null
                ? List.of()
                : List.copyOf(spec.getAccessModes()),
            "request",
            spec == null
                    || spec.getResources() == null
                    || spec.getResources().getRequests() == null
                    || spec.getResources().getRequests().get("storage") == null
                ? null
                : spec.getResources().getRequests().get("storage").toString()));
  }

  public static ObjectView persistentVolume(PersistentVolume object) {
    var spec = object.getSpec();
    String claim =
        spec == null || spec.getClaimRef() == null
            ? null
            : spec.getClaimRef().getNamespace() + "/" + spec.getClaimRef().getName();
    String capacity =
        spec == null || spec.getCapacity() == null || spec.getCapacity().get("storage") == null
            ? null
            : spec.getCapacity().get("storage").toString();
    return view(
        object,
        object.getStatus() == null ? "" : object.getStatus().getPhase(),
        fields(
            "capacity",
            capacity,
            "storageClass",
            spec == null ? null : spec.getStorageClassName(),
            "reclaimPolicy",
            spec == null ? null : spec.getPersistentVolumeReclaimPolicy(),
            "claim",
            claim));
  }

  public static ObjectView storageClass(StorageClass object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    boolean isDefault =
        annotations != null
            && "true".equals(annotations.get("storageclass.kubernetes.io/is-default-class"));
    return view(
        object,
        isDefault ? "Default" : "",
        fields(
            "provisioner",
            object.getProvisioner(),
            "reclaimPolicy",
            object.getReclaimPolicy(),
            "volumeBindingMode",
            object.getVolumeBindingMode(),
            "default",
            isDefault));
  }
}
