package io.kubeward.exec.app;

import io.kubeward.access.app.Caller;
import io.kubeward.common.KubewardException;
import io.kubeward.exec.domain.ExecCommand;
import io.kubeward.exec.domain.ForwardedPort;
import io.kubeward.exec.domain.PodTarget;
import io.kubeward.exec.domain.TerminalSize;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Port: the apiserver's {@code pods/exec} and {@code pods/portforward} subresources, always with
 * the caller's identity (ADR 0013), so the cluster decides ({@code pods/exec}, {@code
 * pods/portforward}: over a WebSocket, a {@code GET}, authorized as {@code get} up to Kubernetes
 * 1.34 and as {@code get} and {@code create} from 1.35; ADR 0025).
 */
public interface ExecGateway {

  /** A running exec: the container's streams, resize and the exit code. */
  interface ExecConnection extends Closeable {
    /** The command's standard input. */
    OutputStream stdin();

    /** The command's standard output (with a TTY, standard error too). */
    InputStream stdout();

    /** The command's standard error, or {@code null} with a TTY (merged into stdout). */
    @Nullable InputStream stderr();

    void resize(TerminalSize size);

    /** The exit code once the command ends ({@code -1} when unknown). */
    CompletableFuture<Integer> exit();

    @Override
    void close();
  }

  /** A running port-forward of one TCP connection. */
  interface ForwardConnection extends Closeable {
    /**
     * What the apiserver or the pod reported (the apiserver's refusal of the upgrade arrives here,
     * after {@link #forward} returned: {@code resource.forbidden} naming {@code pods/portforward}),
     * else {@code null}.
     */
    @Nullable KubewardException failure();

    boolean alive();

    @Override
    void close();
  }

  /**
   * Opens an exec of {@code command} in the target's container.
   *
   * @param size the terminal's size for a TTY session, {@code null} for none (no TTY)
   * @throws io.kubeward.common.KubewardException translated once ({@code resource.forbidden} naming
   *     {@code pods/exec}, {@code resource.not-found}, {@code cluster.unreachable}, ...)
   */
  ExecConnection exec(
      Caller caller, PodTarget target, ExecCommand command, @Nullable TerminalSize size);

  /**
   * Forwards one TCP connection to the target pod's {@code port}: bytes read from {@code in} go to
   * the pod, the pod's bytes are written to {@code out} (a blocking write holds the pod back).
   */
  ForwardConnection forward(
      Caller caller,
      PodTarget target,
      ForwardedPort port,
      ReadableByteChannel in,
      WritableByteChannel out);
}
