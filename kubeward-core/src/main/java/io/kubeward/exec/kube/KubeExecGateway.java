package io.kubeward.exec.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.PortForward;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecListenable;
import io.fabric8.kubernetes.client.dsl.ExecListener;
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
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    AtomicReference<Status> exitStatus = new AtomicReference<>();
    ExecListener listener =
        new ExecListener() {
          @Override
          public void onExit(int code, Status status) {
            exitStatus.set(status);
          }

          @Override
          public void onClose(int code, String reason) {
            // the exit code and the streams' end tell the session
          }
        };
    ExecWatch watch =
        UpgradeRefusals.call(target.cluster(), () -> listenable.usingListener(listener).exec(argv));
    if (size != null) {
      watch.resize(size.cols(), size.rows());
    }
    CompletableFuture<Integer> exit =
        watch.exitCode().thenApply(code -> exitCode(code, exitStatus.get()));
    return new FabricExec(watch, size != null, exit);
  }

  /** Go's text of an exited process ({@code *exec.ExitError}): "exit status 3". */
  private static final Pattern GO_EXIT_STATUS =
      Pattern.compile(".*\\bexit status (\\d{1,3})\\s*$", Pattern.DOTALL);

  /**
   * The command's exit code: fabric8's, from the kubelet's {@code NonZeroExitCode} status; where
   * that is unknown (-1) but the status is the kubelet's internal error around Go's process error
   * ("... exit status 3", what a kubelet whose runtime does not wrap it sends, KWOK's for one), the
   * code in that text.
   */
  static @Nullable Integer exitCode(@Nullable Integer code, @Nullable Status status) {
    if (code == null || code != -1 || status == null || status.getMessage() == null) {
      return code;
    }
    Matcher m = GO_EXIT_STATUS.matcher(status.getMessage());
    return m.matches() ? Integer.valueOf(m.group(1)) : code;
  }

  private record FabricExec(ExecWatch watch, boolean tty, CompletableFuture<Integer> exit)
      implements ExecConnection {

    @Override
    public OutputStream stdin() {
      return watch.getInput();
    }

    @Override
    public InputStream stdout() {
      return new EndsAtExit(watch.getOutput(), exit);
    }

    @Override
    public @Nullable InputStream stderr() {
      return tty ? null : new EndsAtExit(watch.getError(), exit);
    }

    @Override
    public void resize(TerminalSize size) {
      if (tty) { // without a terminal there is nothing to size; the kubelet ends the stream
        watch.resize(size.cols(), size.rows());
      }
    }

    @Override
    public CompletableFuture<Integer> exit() {
      return exit;
    }

    @Override
    public void close() {
      watch.close();
    }
  }

  /**
   * A stream of the command that ends (-1) when the command exited with any code: fabric8's
   * redirected streams throw "process exited with a non-zero exit code" after their last bytes
   * instead, which is no failure of the session but its exit status.
   */
  static final class EndsAtExit extends FilterInputStream {
    private final CompletableFuture<Integer> exit;

    EndsAtExit(InputStream in, CompletableFuture<Integer> exit) {
      super(in);
      this.exit = exit;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        return endOrThrow(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        return endOrThrow(e);
      }
    }

    private int endOrThrow(IOException e) throws IOException {
      if (exit.isDone() && !exit.isCompletedExceptionally() && exit.getNow(null) != null) {
        return -1;
      }
      throw e;
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
