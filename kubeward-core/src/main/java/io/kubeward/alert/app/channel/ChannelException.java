package io.kubeward.alert.app.channel;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.List;
import java.util.Map;

/** A channel request that cannot be served, in words a user can act on (en + 简体中文 bundles). */
public final class ChannelException extends KubewardException {

  public static final String NOT_FOUND = "alert-channel.not-found";
  public static final String EXISTS = "alert-channel.exists";
  public static final String INVALID = "alert-channel.invalid";
  public static final String UNKNOWN_TYPE = "alert-channel.unknown-type";
  public static final String ADDRESS_REFUSED = "alert-channel.address-refused";
  public static final String UNREADABLE = "alert-channel.unreadable";

  private ChannelException(String code, ErrorKind kind, String message, Map<String, Object> props) {
    super(code, kind, message, props);
  }

  public static ChannelException notFound(String name) {
    return new ChannelException(
        NOT_FOUND, ErrorKind.NOT_FOUND, "No alert channel " + name, props("name", name));
  }

  public static ChannelException exists(String name) {
    return new ChannelException(
        EXISTS, ErrorKind.CONFLICT, "The alert channel " + name + " exists", props("name", name));
  }

  public static ChannelException invalid(String name, List<String> problems) {
    String joined = String.join("; ", problems);
    return new ChannelException(
        INVALID,
        ErrorKind.INVALID,
        "The alert channel " + name + " is not valid: " + joined,
        props("name", name, "problems", joined));
  }

  public static ChannelException unknownType(String type, List<String> known) {
    return new ChannelException(
        UNKNOWN_TYPE,
        ErrorKind.INVALID,
        "No channel type " + type + "; known: " + String.join(", ", known),
        props("type", type, "known", String.join(", ", known)));
  }

  public static ChannelException addressRefused(String name, String host, String reason) {
    return new ChannelException(
        ADDRESS_REFUSED,
        ErrorKind.INVALID,
        "The alert channel " + name + " may not reach " + host + ": " + reason,
        props("name", name, "host", host, "reason", reason));
  }

  public static ChannelException unreadable(String name) {
    return new ChannelException(
        UNREADABLE,
        ErrorKind.UNAVAILABLE,
        "The secrets of alert channel "
            + name
            + " do not decrypt with the configured key; an administrator must enter them again",
        props("name", name));
  }
}
