package io.kubeward.alert.domain.channel;

import io.kubeward.alert.domain.Notification;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code email} type: a {@code multipart/alternative} mail (plain text and HTML) through an
 * SMTP server ({@code host}, {@code port}, {@code security} {@code starttls} (default), {@code tls}
 * or {@code none}, optional {@code username} and secret {@code password}) from {@code from} to
 * {@code to} (comma-separated addresses, at most {@link #MAX_RECIPIENTS}).
 */
public final class EmailChannelType implements ChannelType {

  public static final String TYPE = "email";
  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String SECURITY = "security";
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final int MAX_RECIPIENTS = 50;

  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+'=-]{1,64}@[A-Za-z0-9.-]{1,253}\\.?[A-Za-z0-9-]*");
  private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> settingNames() {
    return Set.of(HOST, PORT, SECURITY, USERNAME, FROM, TO);
  }

  @Override
  public Set<String> secretNames() {
    return Set.of(PASSWORD);
  }

  @Override
  public Set<String> requiredNames() {
    return Set.of(HOST, FROM, TO);
  }

  @Override
  public List<String> validate(ChannelSettings s) {
    List<String> problems = new ArrayList<>();
    String host = s.setting(HOST);
    if (host == null || !HOSTNAME.matcher(host).matches()) {
      problems.add("host must be a host name or address");
    }
    try {
      security(s);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    try {
      port(s);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    String from = s.setting(FROM);
    if (from == null || !ADDRESS.matcher(from).matches()) {
      problems.add("from must be a mail address like alerts@example.com");
    }
    List<String> to = recipients(s);
    if (to.isEmpty()) {
      problems.add("to must name at least one mail address");
    } else if (to.size() > MAX_RECIPIENTS) {
      problems.add("to must name at most " + MAX_RECIPIENTS + " addresses");
    }
    for (String address : to) {
      if (!ADDRESS.matcher(address).matches()) {
        problems.add("to: " + address + " is no mail address");
      }
    }
    if (s.secret(PASSWORD) != null && s.setting(USERNAME) == null) {
      problems.add("password needs a username");
    }
    if (s.secret(PASSWORD) != null && security(s) == MailMessage.Security.NONE) {
      problems.add("a password is never sent unencrypted: use security starttls or tls");
    }
    return problems;
  }

  @Override
  public List<URI> destinations(ChannelSettings s) {
    return List.of(URI.create("smtp://" + bracketed(s.setting(HOST)) + ":" + port(s)));
  }

  private static String bracketed(@Nullable String host) {
    if (host == null) {
      throw new IllegalArgumentException("host is required");
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  @Override
  public OutboundMessage render(Notification n, ChannelSettings s, RenderedText text, Instant now) {
    String host = s.setting(HOST);
    if (host != null && host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    MailMessage.SmtpServer server =
        new MailMessage.SmtpServer(
            host, port(s), security(s), s.setting(USERNAME), s.secret(PASSWORD));
    return new MailMessage(
        server,
        s.setting(FROM),
        recipients(s),
        text.title(),
        text.plain() + "\n\n-- \nKubeward",
        html(text, s.language()));
  }

  static MailMessage.Security security(ChannelSettings s) {
    String value = s.setting(SECURITY);
    if (value == null) {
      return MailMessage.Security.STARTTLS;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "starttls" -> MailMessage.Security.STARTTLS;
      case "tls", "ssl", "smtps" -> MailMessage.Security.TLS;
      case "none" -> MailMessage.Security.NONE;
      default -> throw new IllegalArgumentException("security must be starttls, tls or none");
    };
  }

  static int port(ChannelSettings s) {
    String value = s.setting(PORT);
    if (value == null) {
      return switch (security(s)) {
        case TLS -> 465;
        case STARTTLS -> 587;
        case NONE -> 25;
      };
    }
    try {
      int port = Integer.parseInt(value);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port must be a number from 1 to 65535");
    }
  }

  static List<String> recipients(ChannelSettings s) {
    String value = s.setting(TO);
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
  }

  /** The Markdown body as simple HTML: headings in bold, list items, links, escaped text. */
  static String html(RenderedText text, ChannelLanguage language) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html><html lang=\"")
        .append(language.tag())
        .append("\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(text.title()))
        .append("</title></head><body style=\"font-family:sans-serif\">");
    b.append("<h2>").append(escape(text.title())).append("</h2>");
    boolean inList = false;
    for (String line : text.markdown().split("\n", -1)) {
      if (line.startsWith("- ")) {
        if (!inList) {
          b.append("<ul>");
          inList = true;
        } else {
          b.append("</li>");
        }
        b.append("<li>").append(inline(line.substring(2)));
      } else if (line.startsWith("  ") && inList) {
        b.append("<br>").append(inline(line.strip()));
      } else {
        if (inList) {
          b.append("</li></ul>");
          inList = false;
        }
        if (!line.isBlank()) {
          b.append("<p>").append(inline(line)).append("</p>");
        }
      }
    }
    if (inList) {
      b.append("</li></ul>");
    }
    b.append("<p style=\"color:#888\">Kubeward</p></body></html>");
    return b.toString();
  }

  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\]]*)]\\(((?:https?://|/)[^)\\s]*)\\)");

  private static String inline(String markdown) {
    String html = escape(markdown);
    html = BOLD.matcher(html).replaceAll("<strong>$1</strong>");
    html = LINK.matcher(html).replaceAll("<a href=\"$2\">$1</a>");
    return html;
  }

  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
