package io.kubeward.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measurement 5: the console's pods page in headless Chromium (Debian's, driven by Playwright as in
 * the sandbox's console tests). Each visit is a fresh browser profile (no cached scripts), signed
 * in beforehand; the time runs from {@code page.navigate} until the table shows its first row and
 * the total the server counted for that filter.
 */
final class ConsoleTiming implements AutoCloseable {

  static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  /** A console URL, what it filters, and how many pods the server counts for it. */
  record Visit(String label, String path, int expectedTotal) {}

  /** Milliseconds of each visit (the first is the coldest: the JVM's first requests too). */
  record Result(String label, String path, int total, List<Double> millis) {
    double first() {
      return millis.getFirst();
    }

    double median() {
      List<Double> sorted = millis.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  private final Playwright playwright;
  private final Browser browser;
  private final ServerProcess server;

  ConsoleTiming(ServerProcess server) {
    this.server = server;
    this.playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      this.browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(chromium())
                      .setHeadless(true)
                      .setArgs(CHROMIUM_ARGS));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  static Path chromium() {
    String configured = System.getProperty("kubeward.chromium", "");
    return Path.of(configured.isBlank() ? "/usr/bin/chromium" : configured);
  }

  Result measure(Visit visit, int times) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      try (BrowserContext context =
          browser.newContext(
              new Browser.NewContextOptions()
                  .setBaseURL(server.baseUrl())
                  .setViewportSize(1440, 900)
                  .setLocale("en-US"))) {
        context.setDefaultTimeout(120_000);
        var login =
            context
                .request()
                .post(
                    "/api/v1/auth/login",
                    RequestOptions.create()
                        .setData(Map.of("username", "admin", "password", server.adminPassword())));
        if (login.status() != 200) {
          throw new IllegalStateException("console sign-in answered " + login.status());
        }
        Page page = context.newPage();
        long start = System.nanoTime();
        page.navigate(visit.path());
        page.waitForSelector(
            "[data-testid=resource-table] tbody tr",
            new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        page.waitForSelector(
            "[data-testid=list-total][data-total='" + visit.expectedTotal() + "']",
            new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    return new Result(visit.label(), visit.path(), visit.expectedTotal(), millis);
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
