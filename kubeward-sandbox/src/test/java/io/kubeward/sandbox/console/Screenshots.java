package io.kubeward.sandbox.console;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Screenshot mode of the console browser tests: with {@code -Dkubeward.screenshots=<dir>} (set by
 * {@code bin/screenshots}) the tests save PNGs of the pages they visit into that directory; without
 * it they save nothing.
 */
final class Screenshots {

  private Screenshots() {}

  static boolean enabled() {
    return !System.getProperty("kubeward.screenshots", "").isBlank();
  }

  static void save(Page page, String name) {
    if (!enabled()) {
      return;
    }
    try {
      Path dir = Path.of(System.getProperty("kubeward.screenshots"));
      Files.createDirectories(dir);
      // Let transitions and lazy tables settle so the picture shows the final state.
      page.waitForTimeout(400);
      page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
