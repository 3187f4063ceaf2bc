package io.kubeward.sandbox.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving Debian's Chromium (never a downloaded browser), headless, with the flags this
 * machine's closed network needs. Each {@link #newContext} is a fresh, isolated profile (cookies,
 * storage), so an admin and a viewer can be signed in side by side.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;
  private final String baseUrl;

  ConsoleBrowser(String baseUrl) {
    this.baseUrl = baseUrl;
    this.playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      // launch() gives Chromium a new, empty --user-data-dir of its own for every run.
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

  /** A new profile at the console's address, in English unless {@code locale} says otherwise. */
  BrowserContext newContext(String locale) {
    return newContext(locale, baseUrl);
  }

  /** A new profile at another Kubeward's address (e.g. a second server on the same cluster). */
  BrowserContext newContext(String locale, String url) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setBaseURL(url)
                .setViewportSize(1440, 900)
                .setLocale(locale));
    context.setDefaultTimeout(20_000);
    return context;
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
