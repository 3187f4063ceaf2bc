package io.kubeward.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, so a request target can be sent exactly as given (the JDK's {@code
 * URI} refuses malformed percent-encoding such as {@code %zz}). One connection per request; an
 * event stream is read up to its headers and then the connection is closed, as a client that goes
 * away would.
 */
public final class RawHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_BODY = 4 * 1024 * 1024;

  private final int port;
  private final Duration timeout;

  public RawHttp(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
  }

  /** An answer; header names are lower case. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public boolean isProblem() {
      return contentType().startsWith("application/problem+json");
    }

    public String problemCode() {
      return isProblem() ? json().path("code").asString() : "";
    }
  }

  public Response send(String method, String target, Map<String, String> headers, byte[] body) {
    return send(method, target, headers, body, false);
  }

  /**
   * @param chunked send the body with {@code Transfer-Encoding: chunked} instead of a length
   */
  public Response send(
      String method, String target, Map<String, String> headers, byte[] body, boolean chunked) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      head.append("Connection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) {
        if (chunked) {
          head.append("Transfer-Encoding: chunked\r\n");
        } else {
          head.append("Content-Length: ").append(body.length).append("\r\n");
        }
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        if (chunked) {
          for (int i = 0; i < body.length; i += 8192) {
            int n = Math.min(8192, body.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
          out.write(body);
        }
      }
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target + ": " + e.getMessage(), e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    String status = line(in);
    if (status == null) {
      throw new IOException("no answer");
    }
    String[] parts = status.split(" ", 3);
    int code = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
      return new Response(code, headers, new byte[0]); // the caller hangs up
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes((int) Math.min(MAX_BODY, Long.parseLong(headers.get("content-length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunks(in);
    } else {
      body = in.readNBytes(MAX_BODY);
    }
    return new Response(code, headers, body);
  }

  private static byte[] chunks(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) {
        break;
      }
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        line(in);
        break;
      }
      byte[] chunk = in.readNBytes(n);
      if (body.size() < MAX_BODY) {
        body.write(chunk);
      }
      line(in);
    }
    return body.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
