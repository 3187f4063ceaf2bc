package io.kubeward.posture.domain;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The checks on a workload's pod template (ADR 0050), pure functions of the {@link PodSpec}. Rules
 * follow the Pod Security Standards' wording: a container's security context overrides the pod's.
 */
public final class PodTemplateChecks {

  /** The capabilities the PSS baseline level allows to add. */
  public static final Set<String> BASELINE_CAPABILITIES =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  private static final Set<String> ALLOWED_SECCOMP = Set.of("RuntimeDefault", "Localhost");

  private PodTemplateChecks() {}

  /** Every pod-template check on one workload. */
  public static List<Result> evaluate(Workload workload) {
    PodSpec spec = workload.spec();
    Subject s = workload.subject();
    List<Result> results = new ArrayList<>();
    results.add(Result.of(Check.PRIVILEGED, s, privileged(spec)));
    results.add(Result.of(Check.HOST_PATH, s, hostPath(spec)));
    results.add(Result.of(Check.HOST_NAMESPACES, s, hostNamespaces(spec)));
    results.add(Result.of(Check.CAPABILITIES_ADDED, s, capabilitiesAdded(spec)));
    results.add(Result.of(Check.CAPABILITIES_NOT_DROPPED, s, capabilitiesNotDropped(spec)));
    results.add(Result.of(Check.RUN_AS_NON_ROOT, s, runAsNonRoot(spec)));
    results.add(Result.of(Check.READ_ONLY_ROOT_FILESYSTEM, s, readOnlyRootFilesystem(spec)));
    results.add(Result.of(Check.SECCOMP, s, seccomp(spec)));
    results.add(Result.of(Check.PRIVILEGE_ESCALATION, s, privilegeEscalation(spec)));
    results.add(Result.of(Check.RESOURCES, s, resources(spec)));
    results.add(Result.of(Check.IMAGE_TAG, s, imageTag(spec)));
    if (!workload.runsToCompletion()) {
      results.add(Result.of(Check.PROBES, s, probes(spec)));
    }
    results.add(Result.of(Check.DEFAULT_SERVICE_ACCOUNT, s, defaultServiceAccount(spec)));
    results.add(Result.of(Check.SECRETS_IN_ENV, s, secretsInEnv(spec)));
    return results;
  }

  /** A container of any kind (init, regular, ephemeral), reduced to what the checks read. */
  record AnyContainer(
      String name,
      String image,
      SecurityContext securityContext,
      List<EnvVar> env,
      List<EnvFromSource> envFrom) {}

  static List<AnyContainer> all(PodSpec spec) {
    List<AnyContainer> all = new ArrayList<>();
    for (Container c : list(spec.getInitContainers())) {
      all.add(of(c));
    }
    for (Container c : list(spec.getContainers())) {
      all.add(of(c));
    }
    for (EphemeralContainer c : list(spec.getEphemeralContainers())) {
      all.add(
          new AnyContainer(
              c.getName(), c.getImage(), c.getSecurityContext(), c.getEnv(), c.getEnvFrom()));
    }
    return all;
  }

  private static AnyContainer of(Container c) {
    return new AnyContainer(
        c.getName(), c.getImage(), c.getSecurityContext(), c.getEnv(), c.getEnvFrom());
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** "containers a, b" or null when none matches. */
  private static String failing(List<AnyContainer> containers, Predicate<AnyContainer> fails) {
    List<String> names = containers.stream().filter(fails).map(AnyContainer::name).toList();
    return names.isEmpty() ? null : "containers: " + String.join(", ", names);
  }

  private static <T> T sc(AnyContainer c, Function<SecurityContext, T> field) {
    return c.securityContext() == null ? null : field.apply(c.securityContext());
  }

  private static <T> T psc(PodSpec spec, Function<PodSecurityContext, T> field) {
    return spec.getSecurityContext() == null ? null : field.apply(spec.getSecurityContext());
  }

  static String privileged(PodSpec spec) {
    return failing(all(spec), c -> Boolean.TRUE.equals(sc(c, SecurityContext::getPrivileged)));
  }

  static String hostPath(PodSpec spec) {
    List<String> names =
        list(spec.getVolumes()).stream()
            .filter(v -> v.getHostPath() != null)
            .map(Volume::getName)
            .toList();
    return names.isEmpty() ? null : "hostPath volumes: " + String.join(", ", names);
  }

  static String hostNamespaces(PodSpec spec) {
    List<String> set = new ArrayList<>();
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      set.add("hostNetwork");
    }
    if (Boolean.TRUE.equals(spec.getHostPID())) {
      set.add("hostPID");
    }
    if (Boolean.TRUE.equals(spec.getHostIPC())) {
      set.add("hostIPC");
    }
    return set.isEmpty() ? null : String.join(", ", set);
  }

  private static List<String> added(AnyContainer c) {
    Capabilities caps = sc(c, SecurityContext::getCapabilities);
    return caps == null ? List.of() : list(caps.getAdd());
  }

  static String capabilitiesAdded(PodSpec spec) {
    List<String> beyond = new ArrayList<>();
    for (AnyContainer c : all(spec)) {
      for (String cap : added(c)) {
        if (!BASELINE_CAPABILITIES.contains(cap)) {
          beyond.add(c.name() + ": " + cap);
        }
      }
    }
    return beyond.isEmpty() ? null : "added beyond the baseline set: " + String.join(", ", beyond);
  }

  static String capabilitiesNotDropped(PodSpec spec) {
    return failing(
        all(spec),
        c -> {
          Capabilities caps = sc(c, SecurityContext::getCapabilities);
          boolean dropsAll = caps != null && list(caps.getDrop()).contains("ALL");
          boolean addsOnlyNetBind =
              added(c).stream().allMatch(cap -> cap.equals("NET_BIND_SERVICE"));
          return !dropsAll || !addsOnlyNetBind;
        });
  }

  static String runAsNonRoot(PodSpec spec) {
    Boolean pod = psc(spec, PodSecurityContext::getRunAsNonRoot);
    Long podUser = psc(spec, PodSecurityContext::getRunAsUser);
    return failing(
        all(spec),
        c -> {
          Boolean own = sc(c, SecurityContext::getRunAsNonRoot);
          Long user = sc(c, SecurityContext::getRunAsUser);
          boolean nonRoot = Boolean.TRUE.equals(own != null ? own : pod);
          Long effectiveUser = user != null ? user : podUser;
          return !nonRoot || Long.valueOf(0).equals(effectiveUser);
        });
  }

  static String readOnlyRootFilesystem(PodSpec spec) {
    return failing(
        all(spec), c -> !Boolean.TRUE.equals(sc(c, SecurityContext::getReadOnlyRootFilesystem)));
  }

  static String seccomp(PodSpec spec) {
    SeccompProfile pod = psc(spec, PodSecurityContext::getSeccompProfile);
    return failing(
        all(spec),
        c -> {
          SeccompProfile own = sc(c, SecurityContext::getSeccompProfile);
          SeccompProfile effective = own != null ? own : pod;
          return effective == null || !ALLOWED_SECCOMP.contains(effective.getType());
        });
  }

  static String privilegeEscalation(PodSpec spec) {
    return failing(
        all(spec), c -> !Boolean.FALSE.equals(sc(c, SecurityContext::getAllowPrivilegeEscalation)));
  }

  static String resources(PodSpec spec) {
    List<String> missing = new ArrayList<>();
    for (Container c : list(spec.getContainers())) {
      ResourceRequirements r = c.getResources();
      Map<String, Quantity> requests = r == null ? null : r.getRequests();
      Map<String, Quantity> limits = r == null ? null : r.getLimits();
      List<String> own = new ArrayList<>();
      if (requests == null || !requests.containsKey("cpu")) {
        own.add("requests.cpu");
      }
      if (requests == null || !requests.containsKey("memory")) {
        own.add("requests.memory");
      }
      if (limits == null || !limits.containsKey("memory")) {
        own.add("limits.memory");
      }
      if (!own.isEmpty()) {
        missing.add(c.getName() + " (" + String.join(", ", own) + ")");
      }
    }
    return missing.isEmpty() ? null : "missing: " + String.join(", ", missing);
  }

  /** Whether an image reference names no tag, or {@code latest}, and no digest. */
  public static boolean floatingImage(String image) {
    if (image == null || image.isBlank()) {
      return true;
    }
    if (image.contains("@")) {
      return false;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon <= slash) {
      return true;
    }
    return image.substring(colon + 1).equals("latest");
  }

  static String imageTag(PodSpec spec) {
    List<String> floating =
        all(spec).stream()
            .filter(c -> floatingImage(c.image()))
            .map(c -> c.name() + " (" + c.image() + ")")
            .toList();
    return floating.isEmpty() ? null : "latest or untagged: " + String.join(", ", floating);
  }

  static String probes(PodSpec spec) {
    List<String> missing = new ArrayList<>();
    for (Container c : list(spec.getContainers())) {
      List<String> own = new ArrayList<>();
      if (c.getReadinessProbe() == null) {
        own.add("readiness");
      }
      if (c.getLivenessProbe() == null) {
        own.add("liveness");
      }
      if (!own.isEmpty()) {
        missing.add(c.getName() + " (" + String.join(", ", own) + ")");
      }
    }
    return missing.isEmpty() ? null : "no probe: " + String.join(", ", missing);
  }

  static String defaultServiceAccount(PodSpec spec) {
    String account = spec.getServiceAccountName();
    boolean isDefault = account == null || account.isBlank() || account.equals("default");
    boolean automount = !Boolean.FALSE.equals(spec.getAutomountServiceAccountToken());
    return isDefault && automount ? "service account \"default\" with an automounted token" : null;
  }

  static String secretsInEnv(PodSpec spec) {
    List<String> found = new ArrayList<>();
    for (AnyContainer c : all(spec)) {
      for (EnvVar e : list(c.env())) {
        if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
          found.add(c.name() + ": " + e.getName());
        }
      }
      for (EnvFromSource e : list(c.envFrom())) {
        if (e.getSecretRef() != null) {
          found.add(c.name() + ": envFrom " + e.getSecretRef().getName());
        }
      }
    }
    return found.isEmpty() ? null : "Secrets in env: " + String.join(", ", found);
  }
}
