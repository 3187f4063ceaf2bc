package io.kubeward.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Kubeward believes ({@code
 * kubeward.security.trusted-proxies}, CIDR blocks or single addresses; none by default). A request
 * from any other address is taken as it came: its forwarding headers are ignored. Pure: IP literals
 * only, never a DNS lookup.
 */
public final class TrustedProxies {

  /** At most this many forwarded addresses are read from a request. */
  static final int MAX_HOPS = 20;

  static final int MAX_BLOCKS = 100;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private record Block(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * @param cidrs e.g. {@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code fd00::/8}
   * @throws IllegalArgumentException naming the first entry that is not an IP literal or CIDR
   */
  public static TrustedProxies of(List<String> cidrs) {
    if (cidrs == null) {
      return none();
    }
    if (cidrs.size() > MAX_BLOCKS) {
      throw new IllegalArgumentException("at most " + MAX_BLOCKS + " trusted proxy blocks");
    }
    List<Block> blocks = new ArrayList<>();
    for (String cidr : cidrs) {
      String entry = cidr == null ? "" : cidr.strip();
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      byte[] network =
          parse(address)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "trusted-proxies: \"" + cidr + "\" is not an IP address or CIDR block"));
      int prefix = network.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException(
              "trusted-proxies: \"" + cidr + "\" has an invalid prefix length");
        }
      }
      blocks.add(new Block(network, prefix));
    }
    return new TrustedProxies(blocks);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
  public boolean trusts(String address) {
    if (blocks.isEmpty()) {
      return false;
    }
    Optional<byte[]> parsed = parse(address);
    return parsed.isPresent() && blocks.stream().anyMatch(b -> b.contains(parsed.get()));
  }

  /**
   * The client's address for a request from {@code remote} with these {@code X-Forwarded-For}
   * header values: {@code remote} itself unless it is trusted; else the right-most forwarded
   * address that is not a trusted proxy (each trusted proxy appends the address it saw). Empty when
   * the header is missing or holds anything but IP literals, so the proxy's own address is used.
   */
  public Optional<String> clientAddress(String remote, List<String> forwardedFor) {
    if (!trusts(remote) || forwardedFor == null || forwardedFor.isEmpty()) {
      return Optional.empty();
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
        if (hops.size() > MAX_HOPS) {
          return Optional.empty();
        }
      }
    }
    String client = null;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (parse(hop).isEmpty()) {
        return Optional.empty();
      }
      client = hop;
      if (!trusts(hop)) {
        break;
      }
    }
    return Optional.ofNullable(client);
  }

  /**
   * Whether the request was HTTPS at the client's side: {@code X-Forwarded-Proto} from a trusted
   * proxy (its last value, the one the nearest proxy set); empty when not told.
   */
  public Optional<Boolean> forwardedHttps(String remote, List<String> forwardedProto) {
    if (!trusts(remote) || forwardedProto == null || forwardedProto.isEmpty()) {
      return Optional.empty();
    }
    String last = forwardedProto.getLast();
    String[] values = last.split(",");
    String proto = values[values.length - 1].strip().toLowerCase(Locale.ROOT);
    return switch (proto) {
      case "https" -> Optional.of(true);
      case "http" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** The bytes of an IP literal (IPv4 or IPv6, brackets allowed), never resolving a name. */
  static Optional<byte[]> parse(String address) {
    if (address == null || address.isEmpty() || address.length() > 64) {
      return Optional.empty();
    }
    String literal = address;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (IPV4.matcher(literal).matches()) {
      String[] parts = literal.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int part = Integer.parseInt(parts[i]);
        if (part > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) part;
      }
      return Optional.of(bytes);
    }
    if (IPV6.matcher(literal).matches()) {
      try {
        // a literal with ':' is parsed, never looked up
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        return Optional.of(bytes);
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
