package io.kubeward.posture.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.posture.app.PostureReader;
import io.kubeward.posture.domain.Inventory;
import io.kubeward.posture.domain.Workload;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads what the posture checks judge, live and as the caller, in pages of {@code pageSize}:
 * cluster-wide when the caller may read every namespace, else namespace by namespace. Stops at
 * {@code maxObjects} objects or at the deadline (the inventory then says truncated). A kind
 * Kubernetes refuses to list to the caller (403) is skipped and named.
 */
public final class KubePostureReader implements PostureReader {

  private final ClusterClients clients;
  private final Clock clock;

  public KubePostureReader(ClusterClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public Inventory read(
      Caller caller,
      String cluster,
      NamespaceVisibility visible,
      Collection<String> namespaces,
      int pageSize,
      int maxObjects,
      Instant deadline) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    return KubeErrors.call(
        cluster, () -> new Read(client, visible, namespaces, pageSize, maxObjects, deadline).run());
  }

  /** One scan's reading, with its budget. */
  private final class Read {
    private final KubernetesClient client;
    private final NamespaceVisibility visible;
    private final Collection<String> namespaces;
    private final int pageSize;
    private final int maxObjects;
    private final Instant deadline;
    private int read;
    private boolean truncated;
    private final List<Workload> workloads = new ArrayList<>();
    private final List<Inventory.ServiceInfo> services = new ArrayList<>();
    private final Map<String, Map<String, String>> labels = new HashMap<>();
    private final Set<String> withPolicy = new HashSet<>();
    private final List<String> unreadable = new ArrayList<>();

    Read(
        KubernetesClient client,
        NamespaceVisibility visible,
        Collection<String> namespaces,
        int pageSize,
        int maxObjects,
        Instant deadline) {
      this.client = client;
      this.visible = visible;
      this.namespaces = namespaces;
      this.pageSize = pageSize;
      this.maxObjects = maxObjects;
      this.deadline = deadline;
    }

    Inventory run() {
      readNamespaces();
      each("deployments", client.apps().deployments(), this::deployment);
      each("statefulsets", client.apps().statefulSets(), this::statefulSet);
      each("daemonsets", client.apps().daemonSets(), this::daemonSet);
      each("jobs", client.batch().v1().jobs(), this::job);
      each("cronjobs", client.batch().v1().cronjobs(), this::cronJob);
      each("pods", client.pods(), this::pod);
      each("services", client.services(), this::service);
      each(
          "networkpolicies",
          client.network().v1().networkPolicies(),
          (NetworkPolicy p) -> withPolicy.add(p.getMetadata().getNamespace()));
      return new Inventory(workloads, services, labels, withPolicy, unreadable, truncated);
    }

    private void readNamespaces() {
      Map<String, Namespace> listed = new HashMap<>();
      if (visible.all()) {
        try {
          page(
              "namespaces",
              options -> client.namespaces().list(options),
              (Namespace n) -> listed.put(n.getMetadata().getName(), n));
        } catch (KubernetesClientException e) {
          if (e.getCode() != 403) {
            throw e;
          }
          unreadable.add("namespaces");
        }
      } else {
        for (String name : namespaces) {
          try {
            Namespace n = client.namespaces().withName(name).get();
            if (n != null) {
              listed.put(name, n);
            }
          } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
              throw e;
            }
          }
        }
      }
      for (String name : namespaces) {
        Namespace n = listed.get(name);
        Map<String, String> own = n == null ? null : n.getMetadata().getLabels();
        if (n != null || !visible.all()) {
          labels.put(name, own == null ? Map.of() : own);
        }
      }
    }

    private <T extends HasMetadata, L extends KubernetesResourceList<T>> void each(
        String what, MixedOperation<T, L, ?> op, Consumer<T> sink) {
      try {
        if (visible.all()) {
          page(what, options -> op.inAnyNamespace().list(options), sink);
        } else {
          for (String ns : namespaces) {
            page(what + " in " + ns, options -> op.inNamespace(ns).list(options), sink);
          }
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != 403) {
          throw e;
        }
        unreadable.add(what);
      }
    }

    private <T extends HasMetadata, L extends KubernetesResourceList<T>> void page(
        String what, Function<ListOptions, L> list, Consumer<T> sink) {
      String token = null;
      do {
        if (read >= maxObjects || !clock.instant().isBefore(deadline)) {
          truncated = true;
          return;
        }
        int limit = Math.min(pageSize, maxObjects - read);
        L page =
            list.apply(
                new ListOptionsBuilder().withLimit((long) limit).withContinue(token).build());
        for (T item : page.getItems()) {
          if (read >= maxObjects) {
            truncated = true;
            return;
          }
          read++;
          sink.accept(item);
        }
        token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
      } while (token != null && !token.isEmpty());
    }

    private void deployment(Deployment d) {
      workloads.add(workload("Deployment", d, d.getSpec().getTemplate().getSpec()));
    }

    private void statefulSet(StatefulSet s) {
      workloads.add(workload("StatefulSet", s, s.getSpec().getTemplate().getSpec()));
    }

    private void daemonSet(DaemonSet d) {
      workloads.add(workload("DaemonSet", d, d.getSpec().getTemplate().getSpec()));
    }

    private void job(Job j) {
      if (!controlled(j)) {
        workloads.add(workload("Job", j, j.getSpec().getTemplate().getSpec()));
      }
    }

    private void cronJob(CronJob c) {
      workloads.add(
          workload("CronJob", c, c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec()));
    }

    private void pod(Pod p) {
      if (!controlled(p)) {
        workloads.add(workload("Pod", p, p.getSpec()));
      }
    }

    private void service(Service s) {
      services.add(
          new Inventory.ServiceInfo(
              s.getMetadata().getNamespace(), s.getMetadata().getName(), s.getSpec().getType()));
    }

    private static Workload workload(
        String kind, HasMetadata o, io.fabric8.kubernetes.api.model.PodSpec spec) {
      return new Workload(kind, o.getMetadata().getNamespace(), o.getMetadata().getName(), spec);
    }

    /** Owned by a controller: judged through its workload, once, not per replica. */
    private static boolean controlled(HasMetadata o) {
      List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
      return owners != null
          && owners.stream().anyMatch(r -> Boolean.TRUE.equals(r.getController()));
    }
  }
}
