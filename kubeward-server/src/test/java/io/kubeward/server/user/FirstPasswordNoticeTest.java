package io.kubeward.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FirstPasswordNoticeTest {

  @Test
  void thePasswordGoesToTheConsoleInBothLanguagesAndNeverToTheLog() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try {
      FirstPasswordNotice.print(
          new PrintStream(console, true, StandardCharsets.UTF_8), "admin", "Secret-Pass-123");
    } finally {
      root.detachAppender(logged);
    }

    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("user admin, password Secret-Pass-123", "用户 admin，密码 Secret-Pass-123");
    assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains("Secret-Pass-123"));
  }
}
