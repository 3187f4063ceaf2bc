package io.kubeward.cli.commands;

/** Opens {@link PortForwardCommand#parse} to the CLI's tests. */
public final class PortForwardCommandAccess {

  private PortForwardCommandAccess() {}

  /** {@code [local, remote]}. */
  public static int[] parse(String spec) {
    PortForwardCommand.Mapping m = PortForwardCommand.parse(spec);
    return new int[] {m.local(), m.remote()};
  }
}
