package io.kubeward.history.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses Kubeward may send a Prometheus request to (SSRF guard, ADR 0021). Refused unless
 * {@code allowPrivateAddresses} is set: loopback ({@code 127/8}, {@code ::1}), unspecified ({@code
 * 0/8}, {@code ::}), link-local ({@code 169.254/16}, {@code fe80::/10}, which holds the cloud
 * metadata endpoints {@code 169.254.169.254}, {@code 169.254.170.2}), other cloud metadata
 * addresses ({@code 100.100.100.200}, {@code fd00:ec2::254}), multicast ({@code 224/4}, {@code
 * ff00::/8}) and broadcast. An IPv6 address that carries an IPv4 address (IPv4-mapped {@code
 * ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code
 * 2002::/16}) is judged by the IPv4 address it carries. Private networks (10/8, 172.16/12,
 * 192.168/16, fc00::/7) are allowed: that is where a cluster's Prometheus lives.
 */
public final class AddressPolicy {

  private AddressPolicy() {}

  /** Why an address is refused. */
  public enum Reason {
    LOOPBACK("a loopback address"),
    UNSPECIFIED("the unspecified address"),
    LINK_LOCAL("a link-local address"),
    METADATA("a cloud metadata address"),
    MULTICAST("a multicast address"),
    BROADCAST("the broadcast address");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** A refused address and why. */
  public record Refusal(String address, Reason reason) {
    public String describe() {
      return address + " is " + reason.text();
    }
  }

  private static final List<byte[]> METADATA_V4 =
      List.of(
          new byte[] {(byte) 100, (byte) 100, (byte) 100, (byte) 200}, // Alibaba Cloud
          new byte[] {(byte) 192, 0, 0, (byte) 192}); // Oracle Cloud (legacy)

  private static final byte[] METADATA_V6 = {
    (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
  }; // AWS IMDS over IPv6: fd00:ec2::254

  /** The first refused address of {@code addresses}, if any. */
  public static Optional<Refusal> firstRefused(List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      Optional<Reason> reason = refusal(address);
      if (reason.isPresent()) {
        return Optional.of(new Refusal(address.getHostAddress(), reason.get()));
      }
    }
    return Optional.empty();
  }

  /** Why {@code address} is refused, or empty if it may be used. */
  public static Optional<Reason> refusal(InetAddress address) {
    byte[] raw = address.getAddress();
    if (address instanceof Inet6Address) {
      byte[] embedded = embeddedIpv4(raw);
      if (embedded != null) {
        return refusalV4(embedded);
      }
      return refusalV6(raw);
    }
    return refusalV4(raw);
  }

  private static Optional<Reason> refusalV4(byte[] a) {
    int first = a[0] & 0xff;
    int second = a[1] & 0xff;
    if (first == 127) {
      return Optional.of(Reason.LOOPBACK);
    }
    if (first == 0) {
      return Optional.of(Reason.UNSPECIFIED);
    }
    for (byte[] metadata : METADATA_V4) {
      if (java.util.Arrays.equals(a, metadata)) {
        return Optional.of(Reason.METADATA);
      }
    }
    if (first == 169 && second == 254) {
      return Optional.of(
          (a[2] & 0xff) == 169 && (a[3] & 0xff) == 254 ? Reason.METADATA : Reason.LINK_LOCAL);
    }
    if (first >= 224 && first <= 239) {
      return Optional.of(Reason.MULTICAST);
    }
    if (first == 255 && second == 255 && (a[2] & 0xff) == 255 && (a[3] & 0xff) == 255) {
      return Optional.of(Reason.BROADCAST);
    }
    return Optional.empty();
  }

  private static Optional<Reason> refusalV6(byte[] a) {
    if (java.util.Arrays.equals(a, METADATA_V6)) {
      return Optional.of(Reason.METADATA);
    }
    boolean allZero = true;
    for (int i = 0; i < 15; i++) {
      allZero &= a[i] == 0;
    }
    if (allZero && a[15] == 1) {
      return Optional.of(Reason.LOOPBACK);
    }
    if (allZero && a[15] == 0) {
      return Optional.of(Reason.UNSPECIFIED);
    }
    if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
      return Optional.of(Reason.LINK_LOCAL);
    }
    if ((a[0] & 0xff) == 0xff) {
      return Optional.of(Reason.MULTICAST);
    }
    return Optional.empty();
  }

  /**
   * The IPv4 address an IPv6 address carries: IPv4-mapped ({@code ::ffff:0:0/96}), IPv4-compatible
   * ({@code ::/96}, except {@code ::} and {@code ::1}), NAT64 ({@code 64:ff9b::/96}) and 6to4
   * ({@code 2002::/16}); {@code null} for others.
   */
  static byte[] embeddedIpv4(byte[] a) {
    if (a.length != 16) {
      return null;
    }
    boolean first80Zero = true;
    for (int i = 0; i < 10; i++) {
      first80Zero &= a[i] == 0;
    }
    if (first80Zero && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
      return java.util.Arrays.copyOfRange(a, 12, 16);
    }
    if (first80Zero && a[10] == 0 && a[11] == 0) {
      boolean zeroOrOne = a[12] == 0 && a[13] == 0 && a[14] == 0 && (a[15] == 0 || a[15] == 1);
      return zeroOrOne ? null : java.util.Arrays.copyOfRange(a, 12, 16);
    }
    if (a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
      boolean middleZero = true;
      for (int i = 4; i < 12; i++) {
        middleZero &= a[i] == 0;
      }
      if (middleZero) {
        return java.util.Arrays.copyOfRange(a, 12, 16);
      }
    }
    if (a[0] == 0x20 && a[1] == 0x02) {
      return java.util.Arrays.copyOfRange(a, 2, 6);
    }
    return null;
  }

  /**
   * The address a host written as a numeric IPv4 literal means to the C library's resolver ({@code
   * inet_aton}): one to four parts, each decimal, octal ({@code 0177}) or hexadecimal ({@code
   * 0x7f}), the last part filling the remaining bytes ({@code 127.1}, {@code 2130706433}). Java and
   * curl read some of these forms differently from the C library, so Kubeward judges a host by the
   * address any of them could mean; empty if the host is no such literal.
   */
  public static Optional<InetAddress> numericIpv4(String host) {
    if (host == null || host.isEmpty() || host.length() > 64) {
      return Optional.empty();
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Long v = part(parts[i]);
      if (v == null) {
        return Optional.empty();
      }
      values[i] = v;
    }
    long address;
    int n = values.length;
    for (int i = 0; i < n - 1; i++) {
      if (values[i] > 0xff) {
        return Optional.empty();
      }
    }
    long last = values[n - 1];
    long maxLast = (1L << (8 * (5 - n))) - 1;
    if (last > maxLast) {
      return Optional.empty();
    }
    address = 0;
    for (int i = 0; i < n - 1; i++) {
      address |= values[i] << (8 * (3 - i));
    }
    address |= last;
    byte[] bytes = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    try {
      return Optional.of(Inet4Address.getByAddress(host, bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static Long part(String p) {
    if (p.isEmpty()) {
      return null;
    }
    int radix = 10;
    String digits = p;
    if (p.length() > 1 && (p.startsWith("0x") || p.startsWith("0X"))) {
      radix = 16;
      digits = p.substring(2);
      if (digits.isEmpty()) {
        return 0L;
      }
    } else if (p.length() > 1 && p.startsWith("0")) {
      radix = 8;
      digits = p.substring(1);
    }
    if (digits.length() > 12) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        return null;
      }
    }
    try {
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
