package io.kubeward.sandbox.console;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.kubeward.sandbox.Sandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert routing pages in a real browser against the sandbox: a silence created, listed and
 * expired through {@code SilenceDialog.vue}, and the notification policy saved as version 1.
 */
class AlertRoutingConsoleIT {

  private static final String NEW_ADMIN_PASSWORD = "routing-admin-password-1";

  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static ConsoleBrowser browser;

  @BeforeAll
  static void start() throws Exception {
    System.setProperty("kubeward.data-dir", dir.resolve("data").toString());
    sandbox = Sandbox.start(new Sandbox.Options(0, 2, dir.resolve("sandbox.kubeconfig")));
    browser = new ConsoleBrowser(sandbox.url());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("kubeward.data-dir");
    if (browser != null) {
      browser.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static Locator input(Page page, String testId) {
    return page.locator("input[data-testid=%1$s], [data-testid=%1$s] input".formatted(testId))
        .first();
  }

  private static void signIn(Page page) {
    page.navigate("/login");
    input(page, "login-username").fill("admin");
    input(page, "login-password").fill(sandbox.credentials().password());
    page.getByTestId("login-submit").click();
    page.waitForURL(url -> !url.contains("/login"));
    if (page.url().contains("/password")) {
      input(page, "password-current").fill(sandbox.credentials().password());
      input(page, "password-new").fill(NEW_ADMIN_PASSWORD);
      input(page, "password-repeat").fill(NEW_ADMIN_PASSWORD);
      page.getByTestId("password-submit").click();
      page.waitForURL(url -> !url.contains("/password"));
    }
  }

  @Test
  void aSilenceIsCreatedListedAndExpiredAndThePolicySaved() {
    BrowserContext context = browser.newContext("en-US");
    try {
      Page page = context.newPage();
      page.onPageError(error -> System.err.println("[browser] page error: " + error));
      signIn(page);

      page.navigate("/alerts/silences");
      page.getByTestId("silence-new").click();
      Locator dialog = page.getByTestId("silence-dialog");
      PlaywrightAssertions.assertThat(dialog).isVisible();
      // the cluster's matcher is there already; add alertname
      PlaywrightAssertions.assertThat(page.getByTestId("silence-matcher")).hasCount(1);
      page.getByTestId("silence-add-matcher").click();
      Locator row = page.getByTestId("silence-matcher").nth(1);
      row.locator("input").nth(0).fill("alertname");
      row.locator("input").nth(2).fill("pod-crash-looping");
      PlaywrightAssertions.assertThat(page.getByTestId("silence-problems")).containsText("comment");
      page.locator("textarea[data-testid=silence-comment], [data-testid=silence-comment] textarea")
          .first()
          .fill("rolling out the new version");
      PlaywrightAssertions.assertThat(page.getByTestId("silence-problems")).hasCount(0);
      Screenshots.save(page, "alerting-silence-dialog");
      page.getByTestId("silence-submit").click();
      PlaywrightAssertions.assertThat(dialog).hasCount(0);
      Locator table = page.getByTestId("silences-table");
      PlaywrightAssertions.assertThat(table).containsText("alertname=\"pod-crash-looping\"");
      PlaywrightAssertions.assertThat(table).containsText("rolling out the new version");
      Screenshots.save(page, "alerting-silences");

      page.locator("[data-testid=silence-expire]:visible").first().click();
      page.locator(".el-popconfirm .el-button--primary:visible").first().click();
      PlaywrightAssertions.assertThat(table).not().containsText("rolling out the new version");

      page.navigate("/alerts/policy");
      PlaywrightAssertions.assertThat(page.getByTestId("policy-version")).containsText("defaults");
      page.getByTestId("policy-test").click();
      PlaywrightAssertions.assertThat(page.getByTestId("policy-match")).containsText("0:{");
      page.getByTestId("policy-save").click();
      PlaywrightAssertions.assertThat(page.getByTestId("policy-version")).containsText("Version 1");
      Screenshots.save(page, "alerting-policy");
    } finally {
      context.close();
    }
  }
}
