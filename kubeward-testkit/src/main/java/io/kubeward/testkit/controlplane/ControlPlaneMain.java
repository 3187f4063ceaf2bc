package io.kubeward.testkit.controlplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a local control plane until the JVM is stopped (Ctrl-C): {@code [--nodes N]
 * [--kubeconfig-out FILE] [--metrics]} ({@code --metrics}: metrics-server too). Prints one line
 * {@code READY kubeconfig=... workdir=...} when ready.
 */
public final class ControlPlaneMain {

  private ControlPlaneMain() {}

  public static void main(String[] args) throws Exception {
    int nodeCount = 3;
    Path kubeconfigOut = null;
    boolean metrics = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--nodes" -> nodeCount = Integer.parseInt(args[++i]);
        case "--kubeconfig-out" -> kubeconfigOut = Path.of(args[++i]);
        case "--metrics" -> metrics = true;
        default -> {
          System.err.println(
              "Unknown option "
                  + args[i]
                  + "; use [--nodes N] [--kubeconfig-out FILE] [--metrics]");
          System.exit(2);
        }
      }
    }
    ControlPlane controlPlane =
        ControlPlane.start(
            ControlPlaneOptions.builder().nodes(nodes(nodeCount)).metrics(metrics).build());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  controlPlane.close();
                  stopped.countDown();
                }));
    Path kubeconfig = controlPlane.kubeconfig();
    if (kubeconfigOut != null) {
      Files.createDirectories(kubeconfigOut.toAbsolutePath().getParent());
      Files.copy(kubeconfig, kubeconfigOut, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      kubeconfig = kubeconfigOut;
    }
    System.out.println("READY kubeconfig=" + kubeconfig + " workdir=" + controlPlane.workDir());
    System.out.flush();
    stopped.await();
  }

  /** {@code count} nodes spread over zone-a and zone-b. */
  static List<FakeNode> nodes(int count) {
    List<FakeNode> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(FakeNode.inZone("kwok-node-" + i, i % 2 == 0 ? "zone-a" : "zone-b"));
    }
    return nodes;
  }
}
