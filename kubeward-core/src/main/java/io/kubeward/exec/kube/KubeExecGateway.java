package io.kubeward.exec.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.PortForward;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecListenable;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TtyExecErrorChannelable;
import io.fabric8.kubernetes.client.dsl.TtyExecErrorable;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.common.KubewardException;
import io.kubeward.exec.app.ExecGateway;
import io.kubeward.exec.domain.ExecCommand;
import io.kubeward.exec.domain.ForwardedPort;
import io.kubeward.exec.domain.PodTarget;
import io.kubeward.exec.domain.TerminalSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@link ExecGateway} with fabric8's {@code exec} and {@code portForward} over the apiserver's
 * WebSocket subresources, always with the caller's client ({@link ClusterClients#forCaller}, as a
 * change: where Kubeward may not impersonate only administrators get one). Refusals of the
 * apiserver are translated once by {@link KubeErrors} ({@code resource.forbidden} with the
 * apiserver's text, which names {@code pods/exec} or {@code pods/portforward}).
 */
public final class KubeExecGateway implements ExecGateway {

  private final ClusterClients clients;

  public KubeExecGateway(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public ExecConnection exec(
      Caller caller, PodTarget target, ExecCommand command, @Nullable TerminalSize size) {
    KubernetesClient client =
        clients.forCaller(caller, target.cluster(), ClusterClients.Intent.WRITE);
    PodResource pod = client.pods().inNamespace(target.namespace()).withName(target.pod());
    ContainerResource container =
        target.container() == null ? pod : pod.inContainer(target.container());
    // no wait for readiness (a GET of the pod): the apiserver answers for a pod that cannot exec
    container = container.withReadyWaitTimeout(0);
    TtyExecErrorable streams = container.redirectingInput().redirectingOutput();
    TtyExecErrorChannelable errors = size == null ? streams.redirectingError() : streams;
    ExecListenable listenable = size == null ? errors : errors.withTTY();
    String[] argv = command.argv().toArray(String[]::new);
    ExecWatch watch = UpgradeRefusals.call(target.cluster(), () -> listenable.exec(argv));
    if (size != null) {
      watch.resize(size.cols(), size.rows());
    }
    return new FabricExec(watch, size != null);
  }

  private record FabricExec(ExecWatch watch, boolean tty) implements ExecConnection {

    @Override
    public OutputStream stdin() {
      return watch.getInput();
    }

    @Override
    public InputStream stdout() {
      return watch.getOutput();
    }

    @Override
    public @Nullable InputStream stderr() {
      return tty ? null : watch.getError();
    }

    @Override
    public void resize(TerminalSize size) {
      if (tty) { // without a terminal there is nothing to size; the kubelet ends the stream
        watch.resize(size.cols(), size.rows());
      }
    }

    @Override
    public CompletableFuture<Integer> exit() {
      return watch.exitCode();
    }

    @Override
    public void close() {
      watch.close();
    }
  }

  @Override
  public ForwardConnection forward(
      Caller caller,
      PodTarget target,
      ForwardedPort port,
      ReadableByteChannel in,
      WritableByteChannel out) {
    KubernetesClient client =
        clients.forCaller(caller, target.cluster(), ClusterClients.Intent.WRITE);
    PortForward forward =
        UpgradeRefusals.call(
            target.cluster(),
            () ->
                client
                    .pods()
                    .inNamespace(target.namespace())
                    .withName(target.pod())
                    .portForward(port.value(), in, out));
    return new FabricForward(target.cluster(), forward);
  }

  private record FabricForward(String cluster, PortForward forward) implements ForwardConnection {

    @Override
    public @Nullable KubewardException failure() {
      if (!forward.errorOccurred()) {
        return null;
      }
      Throwable server = first(forward.getServerThrowables());
      Throwable t = server != null ? server : first(forward.getClientThrowables());
      if (t == null) {
        return new ForwardFailedException(cluster, "the port-forward failed");
      }
      if (t instanceof KubernetesClientException k) {
        return UpgradeRefusals.translate(cluster, k);
      }
      return new ForwardFailedException(
          cluster, t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private static @Nullable Throwable first(Collection<Throwable> throwables) {
      return throwables == null || throwables.isEmpty() ? null : throwables.iterator().next();
    }

    @Override
    public boolean alive() {
      return forward.isAlive();
    }

    @Override
    public void close() {
      try {
        forward.close();
      } catch (IOException e) {
        // closing a tunnel that failed already
      }
    }
  }
}
