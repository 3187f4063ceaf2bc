package io.kubeward.alert.domain.channel;

import java.net.URI;
import java.util.Map;

/**
 * An HTTP POST: the URL (checked by the SSRF guard before each attempt; no redirect is followed),
 * the headers ({@code Content-Type} included; signatures already computed) and the body.
 */
public record HttpPost(URI url, Map<String, String> headers, byte[] body)
    implements OutboundMessage {

  public HttpPost {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public byte[] payload() {
    return body.clone();
  }

  /** A JSON body with {@code Content-Type: application/json; charset=utf-8} and extra headers. */
  public static HttpPost json(URI url, byte[] body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.putAll(extraHeaders);
    return new HttpPost(url, headers, body);
  }

  @Override
  public String toString() {
    return "HttpPost[url="
        + url.getScheme()
        + "://"
        + url.getRawAuthority()
        + "…, headers="
        + headers.keySet()
        + ", body="
        + body.length
        + " bytes]";
  }
}
