package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeward.runtime.app.ControllerMetrics;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.app.WorkQueue;
import io.kubeward.runtime.domain.ObjectKey;
import io.kubeward.runtime.domain.Result;
import java.net.HttpURLConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controller in one cluster while this replica leads: an informer queues the keys of changed
 * objects, one worker reconciles them one at a time. Each pass reads the object live, then: gone →
 * {@link Reconciler#deleted}; being deleted with our finalizer → {@link Reconciler#cleanup}, then
 * the finalizer is removed; without it → the finalizer is added first; else {@link
 * Reconciler#reconcile}. Exceptions are retried with exponential backoff, a 409 at once.
 */
final class ControllerLoop<R> {

  private static final Logger log = LoggerFactory.getLogger(ControllerLoop.class);

  private final ControllerSpec<R> spec;
  private final ClusterBinding binding;
  private final Reconciler<R> reconciler;
  private final RuntimeSettings settings;
  private final ControllerMetrics metrics;
  private volatile WorkQueue<ObjectKey> queue;
  private volatile SharedIndexInformer<GenericKubernetesResource> informer;
  private volatile Thread worker;

  ControllerLoop(ControllerSpec<R> spec, ClusterBinding binding, RuntimeSettings settings) {
    this.spec = spec;
    this.binding = binding;
    this.settings = settings;
    this.reconciler = spec.reconcilers().apply(binding);
    this.metrics = new ControllerMetrics(binding.cluster(), spec.name());
    this.queue = new WorkQueue<>(binding.clock(), settings.retry());
    metrics.queueDepth(() -> queue.depth());
  }

  ControllerMetrics metrics() {
    return metrics;
  }

  String name() {
    return spec.name();
  }

  boolean running() {
    return worker != null;
  }

  synchronized void start() {
    if (worker != null) {
      return;
    }
    WorkQueue<ObjectKey> q = new WorkQueue<>(binding.clock(), settings.retry());
    queue = q;
    worker =
        Thread.ofPlatform()
            .daemon()
            .name("kubeward-" + spec.name() + "-" + binding.cluster())
            .start(() -> work(q));
    ResourceEventHandler<GenericKubernetesResource> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(GenericKubernetesResource r) {
            q.add(key(r));
          }

          @Override
          public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource r) {
            q.add(key(r));
          }

          @Override
          public void onDelete(GenericKubernetesResource r, boolean unknown) {
            q.add(key(r));
          }
        };
    var resources = binding.systemClient().genericKubernetesResources(spec.kind());
    var filtered =
        spec.kind().isNamespaceScoped()
            ? resources.inAnyNamespace().withLabelSelector(spec.labelSelector())
            : resources.withLabelSelector(spec.labelSelector());
    informer = filtered.inform(handler, 0);
    log.info("Cluster {}: controller {} started", binding.cluster(), spec.name());
  }

  synchronized void stop() {
    if (informer != null) {
      informer.close();
      informer = null;
    }
    Thread w = worker;
    worker = null;
    queue.shutDown();
    if (w != null) {
      w.interrupt();
      try {
        w.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.info("Cluster {}: controller {} stopped", binding.cluster(), spec.name());
    }
  }

  private static ObjectKey key(GenericKubernetesResource r) {
    return new ObjectKey(r.getMetadata().getNamespace(), r.getMetadata().getName());
  }

  private void work(WorkQueue<ObjectKey> q) {
    while (!Thread.currentThread().isInterrupted()) {
      ObjectKey key;
      try {
        key = q.take();
      } catch (InterruptedException e) {
        return;
      }
      process(q, key);
    }
  }

  /** One pass for {@code key}, its outcome queued back into {@code q}. */
  void process(WorkQueue<ObjectKey> q, ObjectKey key) {
    long started = System.nanoTime();
    boolean failed = false;
    try {
      Result result = pass(key, q.failures(key));
      q.forget(key);
      result.again().ifPresent(d -> q.addAfter(key, d));
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        q.forget(key);
        q.add(key);
      } else {
        failed = true;
        retry(q, key, e);
      }
    } catch (RuntimeException e) {
      failed = true;
      retry(q, key, e);
    } finally {
      metrics.recordReconcile(System.nanoTime() - started, failed);
      q.done(key);
    }
  }

  private void retry(WorkQueue<ObjectKey> q, ObjectKey key, RuntimeException e) {
    if (Thread.currentThread().isInterrupted()) {
      return; // leadership lost in the middle of the pass
    }
    Duration delay = q.retry(key);
    log.warn(
        "Cluster {}: {} {} failed (attempt {}), retrying in {}: {}",
        binding.cluster(),
        spec.kind().getKind(),
        key,
        q.failures(key),
        delay,
        e.toString());
  }

  private Result pass(ObjectKey key, int retries) {
    ReconcileContext context =
        new ReconcileContext(
            binding.cluster(),
            spec.name(),
            key,
            binding.caller(),
            binding.clock(),
            binding.events(),
            retries);
    GenericKubernetesResource object = resource(binding.systemClient(), key).get();
    if (object == null) {
      reconciler.deleted(key, context);
      return Result.done();
    }
    String finalizer = spec.finalizer();
    if (object.getMetadata().getDeletionTimestamp() != null) {
      if (finalizer == null || !Finalizers.has(object, finalizer)) {
        return Result.done();
      }
      Result result = reconciler.cleanup(spec.decoder().apply(object), context);
      if (result.isDone()) {
        Finalizers.remove(binding.systemClient(), spec.kind(), object, finalizer);
        log.info(
            "Cluster {}: {} {} cleaned up, finalizer {} removed",
            binding.cluster(),
            spec.kind().getKind(),
            key,
            finalizer);
      }
      return result;
    }
    if (finalizer != null && !Finalizers.has(object, finalizer)) {
      Finalizers.add(binding.systemClient(), spec.kind(), object, finalizer);
      return Result.now();
    }
    return reconciler.reconcile(spec.decoder().apply(object), context);
  }

  private Resource<GenericKubernetesResource> resource(KubernetesClient client, ObjectKey key) {
    var resources = client.genericKubernetesResources(spec.kind());
    return key.namespace() == null
        ? resources.withName(key.name())
        : resources.inNamespace(key.namespace()).withName(key.name());
  }
}
