package io.kubeward.sandbox.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.sandbox.Sandbox;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.FakeNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real browser (Debian's Chromium, headless) against the sandbox: a real control
 * plane with sample workloads and the server in this JVM. Assertions read the end state back from
 * the cluster. The order only makes the screenshots of {@code bin/screenshots} tell a story; every
 * test signs in by itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String NEW_ADMIN_PASSWORD = "console-admin-password-1";
  private static final String VIEWER = "console-viewer";
  private static final String VIEWER_PASSWORD = "console-viewer-password-1";

  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;
  private static ConsoleBrowser browser;
  private static String adminPassword;
  private static String viewerPassword = VIEWER_PASSWORD;

  private BrowserContext context;
  private Page page;

  @BeforeAll
  static void start() throws Exception {
    // A fresh database, so that this start creates admin with a generated password.
    System.setProperty("kubeward.data-dir", dir.resolve("data").toString());
    sandbox = Sandbox.start(new Sandbox.Options(0, 4, dir.resolve("sandbox.kubeconfig")));
    client = sandbox.controlPlane().newAdminClient();
    adminPassword = sandbox.credentials().password();
    browser = new ConsoleBrowser(sandbox.url());
  }

  @AfterAll
  static void stop() {
    System.clearProperty("kubeward.data-dir");
    if (browser != null) {
      browser.close();
    }
    if (client != null) {
      client.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void openPage() {
    context = browser.newContext("en-US");
    page = context.newPage();
    page.onPageError(error -> System.err.println("[browser] page error: " + error));
  }

  @AfterEach
  void closePage() {
    context.close();
  }

  @Test
  @Order(1)
  void signInSendsAnonymousUsersToTheSignInPageAndBack() {
    page.navigate("/pods");
    page.waitForURL(Pattern.compile(".*/login\\?redirect=.*pods.*"));
    Screenshots.save(page, "01-sign-in");

    field("login-username").fill("admin");
    field("login-password").fill("not-the-password");
    page.getByTestId("login-submit").click();
    PlaywrightAssertions.assertThat(banner()).hasAttribute("data-status", "401");

    signInAsAdmin(false);
    page.waitForURL(Pattern.compile(".*/pods.*"));
    PlaywrightAssertions.assertThat(page.getByTestId("user-menu")).containsText("admin");
  }

  @Test
  @Order(2)
  void overviewShowsTheClustersRealCounts() {
    signInAsAdmin(true);
    page.navigate("/overview");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              page.reload();
              int pods = client.pods().inAnyNamespace().list().getItems().size();
              int nodes = client.nodes().list().getItems().size();
              PlaywrightAssertions.assertThat(page.getByTestId("nodes-total"))
                  .hasText(String.valueOf(nodes));
              PlaywrightAssertions.assertThat(page.getByTestId("pods-total"))
                  .hasText(String.valueOf(pods));
              PlaywrightAssertions.assertThat(page.getByTestId("problem-CrashLoopBackOff"))
                  .isVisible();
            });
    assertThat(page.getByTestId("nodes-ready").textContent()).startsWith("4 ");
    PlaywrightAssertions.assertThat(page.getByTestId("card-zones")).containsText("zone-a");
    PlaywrightAssertions.assertThat(page.getByTestId("card-zones")).containsText("zone-b");
    Screenshots.save(page, "02-overview");
  }

  @Test
  @Order(3)
  void podsAreFilteredByNamespaceAndProblemOnTheServer() {
    signInAsAdmin(true);
    page.navigate("/pods");
    chooseNamespace("broken");
    choose("filter-problem", "CrashLoopBackOff");

    Locator rows = page.locator("[data-testid=resource-table] tbody tr");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              page.getByTestId("filter-search").click();
              PlaywrightAssertions.assertThat(rows.first()).containsText("crasher-");
            });
    for (String text : rows.allInnerTexts()) {
      assertThat(text).contains("broken").contains("CrashLoopBackOff");
    }
    assertThat(page.url()).contains("namespace=broken").contains("problem=CrashLoopBackOff");
    Screenshots.save(page, "03-pods-filtered");

    // The filter lives in the URL: a refresh (served index.html by the server) shows the same page.
    page.reload();
    PlaywrightAssertions.assertThat(rows.first()).containsText("crasher-");
    PlaywrightAssertions.assertThat(page.getByTestId("list-total")).hasAttribute("data-total", "1");
  }

  @Test
  @Order(4)
  void editingADeploymentShowsTheDiffThenAppliesIt() {
    signInAsAdmin(true);
    page.navigate("/yaml?apiVersion=apps/v1&kind=Deployment&namespace=shop&name=cart");
    Locator editor = textarea(page, "yaml-editor");
    PlaywrightAssertions.assertThat(editor).hasValue(Pattern.compile("name: cart"));

    editor.fill(editor.inputValue().replaceFirst("replicas: 2", "replicas: 3"));
    page.getByTestId("yaml-preview").click();
    // The sample workloads were created by another field manager: the dry run reports a conflict
    // on spec.replicas (409) and the user chooses to take the field over.
    Locator conflict = page.locator("[data-testid=problem-banner][data-status='409']");
    page.locator("[data-testid=diff], [data-testid=problem-banner]").first().waitFor();
    if (conflict.isVisible()) {
      page.getByTestId("yaml-force-preview").click();
      conflict.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    }
    failOnBanner(page, "[data-testid=diff], [data-testid=yaml-no-change]");
    Locator diff = page.getByTestId("diff");
    PlaywrightAssertions.assertThat(diff).containsText("replicas: 3");
    PlaywrightAssertions.assertThat(diffLine(diff, "del", "replicas: 2")).isVisible();
    PlaywrightAssertions.assertThat(diffLine(diff, "add", "replicas: 3")).isVisible();
    assertThat(replicas("shop", "cart")).as("a preview changes nothing").isEqualTo(2);
    Screenshots.save(page, "04-yaml-diff-preview");

    page.getByTestId("yaml-apply").click();
    failOnBanner(page, "[data-testid=yaml-notice]");
    PlaywrightAssertions.assertThat(page.getByTestId("yaml-notice")).isVisible();
    await().atMost(DEADLINE).until(() -> replicas("shop", "cart") == 3);
    PlaywrightAssertions.assertThat(editor).hasValue(Pattern.compile("replicas: 3"));
  }

  @Test
  @Order(5)
  void auditLogShowsTheChangeAndVerifiesTheChain() {
    signInAsAdmin(true);
    page.navigate("/audit");
    Locator table = page.getByTestId("audit-table");
    PlaywrightAssertions.assertThat(table.locator("tbody tr").first()).isVisible();
    page.getByTestId("audit-verify").click();
    PlaywrightAssertions.assertThat(page.getByTestId("audit-verification")).containsText("intact");
    Screenshots.save(page, "05-audit-log");
  }

  /**
   * A cluster-wide viewer (the built-in {@code view} role through Kubeward's grant) gets the
   * editor's preview/apply and delete disabled with the reason, since the cluster would refuse
   * them; the server still refuses a change sent anyway, and a refusal stays a readable banner.
   */
  @Test
  @Order(6)
  void aViewerIsRefusedAnEdit() {
    signInAsAdmin(true);
    createUser(VIEWER, VIEWER_PASSWORD, "viewer");
    int before = replicas("payments", "api");

    BrowserContext viewerContext = browser.newContext("en-US");
    try {
      Page viewer = viewerContext.newPage();
      viewer.navigate("/login");
      viewerPassword = signIn(viewer, VIEWER, viewerPassword, VIEWER_PASSWORD + "-new");
      viewer.navigate("/yaml?apiVersion=apps/v1&kind=Deployment&namespace=payments&name=api");
      Locator editor = textarea(viewer, "yaml-editor");
      PlaywrightAssertions.assertThat(editor).hasValue(Pattern.compile("name: api"));
      PlaywrightAssertions.assertThat(viewer.getByTestId("yaml-preview")).isDisabled();
      PlaywrightAssertions.assertThat(viewer.getByTestId("yaml-delete")).isDisabled();
      viewer.getByTestId("yaml-preview").locator("xpath=..").hover();
      PlaywrightAssertions.assertThat(viewer.locator(".el-popper:visible").last())
          .containsText("does not let you patch deployments in namespace payments");
      Screenshots.save(viewer, "06-viewer-refused");

      // The console only hides: the server refuses the change sent anyway, with the cluster's word.
      APIResponse applied =
          post(
              viewerContext,
              "/api/v1/clusters/" + CLUSTER + "/object/apply",
              editor.inputValue().replaceFirst("replicas: " + before, "replicas: 7"),
              "application/yaml");
      assertThat(applied.status()).as(applied.text()).isEqualTo(403);
      assertThat(applied.text()).contains("resource.forbidden");

      // A refusal is a readable banner: the built-in view role reads no Secrets.
      viewer.navigate("/yaml?apiVersion=v1&kind=Secret&namespace=payments&name=ledger-credentials");
      Locator refused = viewer.locator("[data-testid=problem-banner][data-status='403']");
      PlaywrightAssertions.assertThat(refused).containsText("Not allowed");
      PlaywrightAssertions.assertThat(refused).containsText("secrets");
    } finally {
      viewerContext.close();
    }
    assertThat(replicas("payments", "api")).isEqualTo(before);
  }

  @Test
  @Order(7)
  void theLanguageChoiceIsRemembered() {
    signInAsAdmin(true);
    page.navigate("/overview");
    choose("language-switch", "简体中文");
    PlaywrightAssertions.assertThat(page.getByTestId("nav-overview")).hasText("概览");
    page.reload();
    PlaywrightAssertions.assertThat(page.getByTestId("nav-pods")).hasText("容器组");
    PlaywrightAssertions.assertThat(page.getByTestId("overview")).containsText("概览");
    Screenshots.save(page, "07-overview-zh");
  }

  // --- nodes, drain and maintenance (issue 5) -----------------------------------------------

  /** The cluster's name: the context of the testkit's kubeconfig. */
  private static final String CLUSTER = "kubeward-local";

  private static final String CORDON_NODE = "sandbox-node-3";
  private static final String DRAIN_NODE = "console-drain-node";
  private static final String MAINTENANCE_NODE_A = "console-maintenance-a";
  private static final String MAINTENANCE_NODE_B = "console-maintenance-b";
  private static final String CONSOLE_NODE_LABEL = "console.kubeward.io/pool";
  private static final String DRAIN_NAMESPACE = "console-drain";

  @Test
  @Order(8)
  void nodeDetailCordonsAndUncordonsTheNode() {
    signInAsAdmin(true);
    page.navigate("/nodes");
    page.locator("[data-testid=resource-table] tbody tr")
        .filter(new Locator.FilterOptions().setHasText(CORDON_NODE))
        .getByTestId("row-name")
        .click();
    page.waitForURL(Pattern.compile(".*/nodes/" + CORDON_NODE));
    failOnBanner(page, "[data-testid=node-conditions]");
    PlaywrightAssertions.assertThat(page.getByTestId("node-conditions")).containsText("Ready");
    PlaywrightAssertions.assertThat(page.getByTestId("node-pods")).isVisible();
    PlaywrightAssertions.assertThat(page.getByTestId("node-labels")).containsText("zone-b");

    page.getByTestId("node-cordon").click();
    confirm();
    PlaywrightAssertions.assertThat(page.getByTestId("node-schedulable"))
        .hasAttribute("data-unschedulable", "true");
    await().atMost(DEADLINE).until(() -> unschedulable(CORDON_NODE));
    Screenshots.save(page, "08-node-detail-cordoned");

    page.getByTestId("node-uncordon").click();
    confirm();
    PlaywrightAssertions.assertThat(page.getByTestId("node-schedulable"))
        .hasAttribute("data-unschedulable", "false");
    await().atMost(DEADLINE).until(() -> !unschedulable(CORDON_NODE));
  }

  @Test
  @Order(9)
  void editingANodeLabelShowsTheDiffBeforeApplying() {
    signInAsAdmin(true);
    page.navigate("/nodes/" + CORDON_NODE);
    page.getByTestId("node-edit-metadata").click();
    Locator dialog = page.getByTestId("node-metadata-dialog");
    dialog.getByTestId("label-add").click();
    Locator row = dialog.getByTestId("label-row").last();
    input(row, "label-key").fill("-not valid");
    PlaywrightAssertions.assertThat(row.getByTestId("label-problem")).isVisible();
    PlaywrightAssertions.assertThat(dialog.getByTestId("node-metadata-preview-button"))
        .isDisabled();

    input(row, "label-key").fill("console.kubeward.io/checked");
    input(row, "label-value").fill("yes");
    PlaywrightAssertions.assertThat(row.getByTestId("label-problem")).hasCount(0);
    dialog.getByTestId("node-metadata-preview-button").click();
    failOnBanner(page, "[data-testid=diff]");
    Locator diff = dialog.getByTestId("diff");
    PlaywrightAssertions.assertThat(diffLine(diff, "add", "console.kubeward.io/checked"))
        .isVisible();
    assertThat(labels(CORDON_NODE))
        .as("a preview changes nothing")
        .doesNotContainKey("console.kubeward.io/checked");
    Screenshots.save(page, "09-node-labels-diff");

    dialog.getByTestId("node-metadata-apply").click();
    PlaywrightAssertions.assertThat(page.getByTestId("node-labels"))
        .containsText("console.kubeward.io/checked=yes");
    await()
        .atMost(DEADLINE)
        .until(() -> "yes".equals(labels(CORDON_NODE).get("console.kubeward.io/checked")));
  }

  @Test
  @Order(10)
  void drainPreviewThenStartFollowsTheDrainUntilItSucceeds() {
    addConsoleNodes();
    deployOn(DRAIN_NODE, "web", 2);
    signInAsAdmin(true);
    page.navigate("/nodes/" + DRAIN_NODE);
    page.getByTestId("node-drain").click();
    Locator dialog = page.getByTestId("drain-dialog");
    failOnBanner(page, "[data-testid=drain-plan]");
    Locator plan = dialog.getByTestId("drain-plan");
    PlaywrightAssertions.assertThat(plan).hasAttribute("data-verdict", "CAN_DRAIN_NOW");
    PlaywrightAssertions.assertThat(plan.locator("[data-fate=EVICT]")).hasCount(2);
    PlaywrightAssertions.assertThat(plan).containsText("ReplicaSet/web-");
    assertThat(unschedulable(DRAIN_NODE)).as("a preview changes nothing").isFalse();
    Screenshots.save(page, "10-drain-preview");

    dialog.getByTestId("drain-start").click();
    page.waitForURL(Pattern.compile(".*/maintenances/[^/]+$"));
    Locator detail = page.getByTestId("maintenance-detail");
    detail.waitFor();
    Locator node =
        page.locator("[data-testid=maintenance-node][data-node=%s]".formatted(DRAIN_NODE));
    // The page follows the watch stream: no reload while the drain runs.
    PlaywrightAssertions.assertThat(detail)
        .hasAttribute(
            "data-phase",
            "Succeeded",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                .setTimeout(DEADLINE.toMillis() * 2));
    PlaywrightAssertions.assertThat(node.getByTestId("drain-state"))
        .hasAttribute("data-state", "SUCCEEDED");
    PlaywrightAssertions.assertThat(node.locator("[data-testid=drain-pods] [data-state=GONE]"))
        .hasCount(2);
    PlaywrightAssertions.assertThat(page.getByTestId("maintenance-log")).containsText("web-");
    Screenshots.save(page, "11-drain-succeeded");

    assertThat(podsOn(DRAIN_NODE, DRAIN_NAMESPACE)).as("evicted pods are gone").isEmpty();
    assertThat(unschedulable(DRAIN_NODE)).as("a drain leaves the node cordoned").isTrue();
    client.apps().deployments().inNamespace(DRAIN_NAMESPACE).withName("web").delete();
  }

  @Test
  @Order(11)
  void aMaintenanceIsCreatedFromANodeSelectionAfterAPreview() {
    addConsoleNodes();
    signInAsAdmin(true);
    page.navigate("/nodes?name=console-maintenance");
    Locator rows = page.locator("[data-testid=resource-table] tbody tr");
    PlaywrightAssertions.assertThat(rows).hasCount(2);
    for (String name : List.of(MAINTENANCE_NODE_A, MAINTENANCE_NODE_B)) {
      rows.filter(new Locator.FilterOptions().setHasText(name)).locator(".el-checkbox").click();
    }
    PlaywrightAssertions.assertThat(page.getByTestId("nodes-selected")).containsText("2");
    page.getByTestId("plan-maintenance").click();
    Locator dialog = page.getByTestId("maintenance-dialog");
    PlaywrightAssertions.assertThat(dialog.getByTestId("maintenance-nodes"))
        .containsText(MAINTENANCE_NODE_A);
    PlaywrightAssertions.assertThat(dialog.getByTestId("maintenance-create")).isDisabled();

    dialog.getByTestId("maintenance-preview-button").click();
    failOnBanner(page, "[data-testid=maintenance-preview]");
    Locator batches = dialog.getByTestId("maintenance-batches");
    // Concurrency 1: one node per batch.
    PlaywrightAssertions.assertThat(batches.locator("li")).hasCount(2);
    PlaywrightAssertions.assertThat(batches).containsText(MAINTENANCE_NODE_A);
    PlaywrightAssertions.assertThat(batches).containsText(MAINTENANCE_NODE_B);
    Screenshots.save(page, "12-maintenance-preview");

    dialog.getByTestId("maintenance-create").click();
    page.waitForURL(Pattern.compile(".*/maintenances/maintenance-[^/]+$"));
    Locator detail = page.getByTestId("maintenance-detail");
    PlaywrightAssertions.assertThat(detail)
        .hasAttribute(
            "data-phase",
            "Succeeded",
            new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                .setTimeout(DEADLINE.toMillis() * 2));
    PlaywrightAssertions.assertThat(
            detail.locator("[data-testid=maintenance-node][data-step=Done]"))
        .hasCount(2);
    Screenshots.save(page, "13-maintenance-succeeded");
    String name = detail.getAttribute("data-name");
    assertThat(unschedulable(MAINTENANCE_NODE_A)).as("uncordoned at the end").isFalse();
    assertThat(unschedulable(MAINTENANCE_NODE_B)).as("uncordoned at the end").isFalse();

    page.navigate("/maintenances");
    PlaywrightAssertions.assertThat(page.getByTestId("maintenances-table")).containsText(name);
  }

  @Test
  @Order(12)
  void aViewerSeesNodesWithoutTheOperatorButtons() {
    signInAsAdmin(true);
    createUser(VIEWER, VIEWER_PASSWORD, "viewer");
    BrowserContext viewerContext = browser.newContext("en-US");
    try {
      Page viewer = viewerContext.newPage();
      viewer.navigate("/login");
      viewerPassword = signIn(viewer, VIEWER, viewerPassword, VIEWER_PASSWORD + "-new");
      viewer.navigate("/nodes/" + CORDON_NODE);
      failOnBanner(viewer, "[data-testid=node-conditions]");
      PlaywrightAssertions.assertThat(viewer.getByTestId("node-conditions")).isVisible();
      PlaywrightAssertions.assertThat(viewer.getByTestId("node-cordon")).hasCount(0);
      PlaywrightAssertions.assertThat(viewer.getByTestId("node-edit-metadata")).hasCount(0);
      PlaywrightAssertions.assertThat(viewer.getByTestId("node-read-only")).isVisible();
      // A cluster-wide viewer may read what a drain would do, but not start one.
      viewer.getByTestId("node-drain").click();
      Locator dialog = viewer.getByTestId("drain-dialog");
      failOnBanner(viewer, "[data-testid=drain-plan]");
      PlaywrightAssertions.assertThat(dialog.getByTestId("drain-start")).isDisabled();
      dialog.getByTestId("drain-start").locator("xpath=..").hover();
      PlaywrightAssertions.assertThat(viewer.locator(".el-popper:visible").last())
          .containsText("does not let you drain nodes");
      viewer.navigate("/maintenances");
      PlaywrightAssertions.assertThat(viewer.getByTestId("maintenance-new")).isDisabled();
    } finally {
      viewerContext.close();
    }
  }

  @Test
  @Order(13)
  void aWaitingMaintenanceIsPausedResumedAndCancelledWithConfirmation() {
    addConsoleNodes();
    signInAsAdmin(true);
    // A window that opens only on yesterday's weekday at 00:00 UTC: the node waits for it.
    String yesterday =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .minusDays(1)
            .getDayOfWeek()
            .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
    APIResponse created =
        postAsSignedInUser(
            "/api/v1/clusters/" + CLUSTER + "/maintenances",
            Map.of(
                "name",
                "console-waiting",
                "nodes",
                List.of(MAINTENANCE_NODE_A),
                "windows",
                List.of(
                    Map.of(
                        "days",
                        List.of(yesterday),
                        "start",
                        "00:00",
                        "end",
                        "00:01",
                        "timeZone",
                        "UTC"))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);

    page.navigate("/maintenances/console-waiting");
    Locator detail = page.getByTestId("maintenance-detail");
    PlaywrightAssertions.assertThat(
            detail.locator("[data-testid=maintenance-node][data-step=WaitingForWindow]"))
        .hasCount(
            1,
            new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                .setTimeout(DEADLINE.toMillis()));

    page.getByTestId("maintenance-pause").click();
    confirm();
    PlaywrightAssertions.assertThat(detail).hasAttribute("data-phase", "Paused", withinDeadline());
    page.getByTestId("maintenance-resume").click();
    confirm();
    PlaywrightAssertions.assertThat(detail)
        .not()
        .hasAttribute("data-phase", Pattern.compile("Paused|Cancell.*"), withinDeadline());

    page.getByTestId("maintenance-cancel").click();
    PlaywrightAssertions.assertThat(page.locator(".el-message-box:visible"))
        .containsText("console-waiting");
    confirm();
    PlaywrightAssertions.assertThat(detail)
        .hasAttribute("data-phase", "Cancelled", withinDeadline());
    assertThat(unschedulable(MAINTENANCE_NODE_A)).as("a waiting node is never cordoned").isFalse();
  }

  // --- the cluster decides (issue 11): grants become bindings, the console hides what it refuses

  private static final String SHOP_USER = "console-shop";
  private static final String SHOP_USER_PASSWORD = "console-shop-password-1";

  /**
   * An administrator creates a user with an operator grant on namespace shop; the page shows the
   * RoleBinding it made in the cluster, and the user's Bindings view shows it in place. The admin
   * sees the node actions; the user sees neither nodes nor maintenances in the navigation, no node
   * action, the pods of shop only, and may edit shop's objects but not read payments'.
   */
  @Test
  @Order(14)
  void aNamespaceUserSeesTheirNamespaceAndNoNodeActions() {
    signInAsAdmin(true);
    // The admin (group kubeward:admins, cluster-admin in the sandbox) sees every node action.
    page.navigate("/nodes/" + CORDON_NODE);
    failOnBanner(page, "[data-testid=node-conditions]");
    PlaywrightAssertions.assertThat(page.getByTestId("node-cordon")).isVisible();
    PlaywrightAssertions.assertThat(page.getByTestId("node-drain")).isVisible();
    PlaywrightAssertions.assertThat(page.getByTestId("node-edit-metadata")).isVisible();
    PlaywrightAssertions.assertThat(page.getByTestId("nav-nodes")).isVisible();
    PlaywrightAssertions.assertThat(page.getByTestId("nav-maintenances")).isVisible();

    page.navigate("/users");
    page.getByTestId("user-create").click();
    field("user-username").fill(SHOP_USER);
    field("user-password").fill(SHOP_USER_PASSWORD);
    choose("grant-role-0", "operator");
    choose("grant-cluster-0", CLUSTER);
    field("grant-namespace-0").fill("shop");
    page.getByTestId("user-save").click();
    String roleBinding = "kubeward:user:" + SHOP_USER + ":edit";
    Locator change = page.locator("[data-testid=user-change][data-user=%s]".formatted(SHOP_USER));
    Locator synced =
        change.locator("[data-testid=binding-sync][data-cluster=%s]".formatted(CLUSTER));
    PlaywrightAssertions.assertThat(synced).hasAttribute("data-failed", "false");
    PlaywrightAssertions.assertThat(synced.getByTestId("binding-created"))
        .containsText("RoleBinding shop/" + roleBinding + " → edit");
    assertThat(client.rbac().roleBindings().inNamespace("shop").withName(roleBinding).get())
        .as("the grant became a RoleBinding in the cluster")
        .isNotNull();
    Screenshots.save(page, "14-user-created-bindings");

    page.getByTestId("user-bindings-" + SHOP_USER).click();
    Locator drawer = page.getByTestId("bindings-drawer");
    Locator cluster =
        drawer.locator("[data-testid=bindings-cluster][data-cluster=%s]".formatted(CLUSTER));
    PlaywrightAssertions.assertThat(cluster.getByTestId("bindings-in-line")).isVisible();
    Locator row =
        cluster
            .locator("[data-testid=bindings-table] tbody tr")
            .filter(new Locator.FilterOptions().setHasText(roleBinding));
    PlaywrightAssertions.assertThat(row).containsText("shop");
    PlaywrightAssertions.assertThat(row.getByTestId("binding-state"))
        .hasAttribute("data-state", "in-place");
    PlaywrightAssertions.assertThat(drawer).containsText("count as much");
    Screenshots.save(page, "15-user-bindings");

    // A binding removed behind Kubeward's back is missing; applying the grants makes it again.
    client.rbac().roleBindings().inNamespace("shop").withName(roleBinding).delete();
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                client.rbac().roleBindings().inNamespace("shop").withName(roleBinding).get()
                    == null);
    page.keyboard().press("Escape");
    drawer.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    page.getByTestId("user-bindings-" + SHOP_USER).click();
    PlaywrightAssertions.assertThat(row.getByTestId("binding-state"))
        .hasAttribute("data-state", "missing");
    cluster.getByTestId("bindings-sync").click();
    confirm();
    PlaywrightAssertions.assertThat(row.getByTestId("binding-state"))
        .hasAttribute("data-state", "in-place");
    assertThat(client.rbac().roleBindings().inNamespace("shop").withName(roleBinding).get())
        .isNotNull();

    BrowserContext userContext = browser.newContext("en-US");
    try {
      Page user = userContext.newPage();
      user.navigate("/login");
      signIn(user, SHOP_USER, SHOP_USER_PASSWORD, SHOP_USER_PASSWORD + "-new");
      user.navigate("/pods");
      Locator rows = user.locator("[data-testid=resource-table] tbody tr");
      long shopPods = client.pods().inNamespace("shop").list().getItems().size();
      PlaywrightAssertions.assertThat(user.getByTestId("list-total"))
          .hasAttribute("data-total", String.valueOf(shopPods));
      for (String text : rows.allInnerTexts()) {
        assertThat(text).contains("shop");
      }
      PlaywrightAssertions.assertThat(user.getByTestId("nav-pods")).isVisible();
      PlaywrightAssertions.assertThat(user.getByTestId("nav-nodes")).hasCount(0);
      PlaywrightAssertions.assertThat(user.getByTestId("nav-maintenances")).hasCount(0);
      PlaywrightAssertions.assertThat(user.getByTestId("nav-node-health")).hasCount(0);
      Screenshots.save(user, "16-namespace-user-pods");

      // A node's page, opened by its address: no action, and the cluster's refusal as a banner.
      user.navigate("/nodes/" + CORDON_NODE);
      PlaywrightAssertions.assertThat(
              user.locator("[data-testid=problem-banner][data-status='403']"))
          .isVisible();
      PlaywrightAssertions.assertThat(user.getByTestId("node-cordon")).hasCount(0);
      PlaywrightAssertions.assertThat(user.getByTestId("node-drain")).hasCount(0);
      PlaywrightAssertions.assertThat(user.getByTestId("node-edit-metadata")).hasCount(0);

      // The user's own namespace may be edited; another's cannot even be read.
      user.navigate("/yaml?apiVersion=apps/v1&kind=Deployment&namespace=shop&name=cart");
      PlaywrightAssertions.assertThat(textarea(user, "yaml-editor"))
          .hasValue(Pattern.compile("name: cart"));
      PlaywrightAssertions.assertThat(user.getByTestId("yaml-preview")).isEnabled();
      PlaywrightAssertions.assertThat(user.getByTestId("yaml-delete")).isEnabled();
      user.navigate("/yaml?apiVersion=apps/v1&kind=Deployment&namespace=payments&name=api");
      PlaywrightAssertions.assertThat(
              user.locator("[data-testid=problem-banner][data-status='403']"))
          .containsText("payments");
    } finally {
      userContext.close();
    }
  }

  /**
   * A Kubeward whose service account may not impersonate: the cluster is read-only in it, and every
   * page says so in a banner that cannot be closed — to its admin with the rights a cluster
   * administrator must grant, to a user in the language they chose, with the server's reason — and
   * the user is offered no change.
   */
  @Test
  @Order(15)
  void aClusterWithoutImpersonationIsReadOnlyWithABannerSayingWhy() throws Exception {
    String user = "console-read-only";
    String password = "console-read-only-password-1";
    try (ReadOnlyKubeward readOnly = ReadOnlyKubeward.start(sandbox.controlPlane(), dir)) {
      BrowserContext adminContext = browser.newContext("en-US", readOnly.url());
      try {
        Page admin = adminContext.newPage();
        admin.navigate("/login");
        signIn(admin, "admin", readOnly.adminPassword(), NEW_ADMIN_PASSWORD);
        Locator banner = admin.getByTestId("read-only-banner");
        await()
            .atMost(DEADLINE)
            .untilAsserted(
                () -> {
                  admin.navigate("/overview"); // the cluster list is read anew
                  PlaywrightAssertions.assertThat(banner)
                      .hasAttribute("data-code", "impersonation-not-granted");
                });
        PlaywrightAssertions.assertThat(banner)
            .containsText("Cluster " + ReadOnlyKubeward.CLUSTER + " is read-only in Kubeward");
        PlaywrightAssertions.assertThat(banner.getByTestId("read-only-reason"))
            .containsText("lack");
        PlaywrightAssertions.assertThat(banner.getByTestId("read-only-missing"))
            .containsText("impersonate users");
        PlaywrightAssertions.assertThat(banner.locator(".el-alert__close-btn")).hasCount(0);
        admin.navigate("/pods");
        PlaywrightAssertions.assertThat(banner).isVisible();
        Screenshots.save(admin, "17-read-only-banner-admin");

        APIResponse created =
            postJson(
                adminContext,
                "/api/v1/users",
                Map.of(
                    "username",
                    user,
                    "password",
                    password,
                    "grants",
                    List.of(
                        Map.of(
                            "role",
                            "operator",
                            "cluster",
                            ReadOnlyKubeward.CLUSTER,
                            "namespace",
                            "*"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
      } finally {
        adminContext.close();
      }

      BrowserContext userContext = browser.newContext("zh-CN", readOnly.url());
      try {
        Page operator = userContext.newPage();
        operator.navigate("/login");
        signIn(operator, user, password, password + "-new");
        operator.navigate("/maintenances");
        Locator banner = operator.getByTestId("read-only-banner");
        PlaywrightAssertions.assertThat(banner).containsText("在 Kubeward 中为只读");
        PlaywrightAssertions.assertThat(banner.getByTestId("read-only-reason")).containsText("缺少");
        PlaywrightAssertions.assertThat(banner.getByTestId("read-only-missing")).hasCount(0);
        // An operator grant, but the cluster is read-only: no change is offered.
        PlaywrightAssertions.assertThat(operator.getByTestId("maintenance-new")).isDisabled();
        Screenshots.save(operator, "18-read-only-banner-user-zh");
      } finally {
        userContext.close();
      }
    }
  }

  // --- usage and charts (issue 12) ---------------------------------------------------------

  private static final String CHART_NODE = "sandbox-node-1";
  private static final Pattern CPU_QUANTITY = Pattern.compile("\\d+(\\.\\d+)?m?");

  @Test
  @Order(16)
  void overviewShowsUsageFromMetricsServerAgainstRequestsAndAllocatable() {
    // The sandbox runs metrics-server (KWOK emulates the kubelets' resource metrics).
    await().atMost(DEADLINE).until(ConsoleIT::metricsApiServes);
    signInAsAdmin(true);
    page.navigate("/overview");
    Locator section = page.getByTestId("usage-section");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              page.reload();
              List<Node> nodes = client.nodes().list().getItems();
              PlaywrightAssertions.assertThat(section).hasAttribute("data-source", "metrics-api");
              PlaywrightAssertions.assertThat(section.getByTestId("usage-cpu-allocatable"))
                  .hasText(cpu(allocatableMillis(nodes)));
              // The cluster's usage is its nodes' usage as the metrics API reports it
              // (memory is exact; CPU jitters by a millicore between samples).
              PlaywrightAssertions.assertThat(section.getByTestId("usage-memory-used"))
                  .hasText(memory(nodesUsage("memory", 1)));
            });
    PlaywrightAssertions.assertThat(section.getByTestId("problem-banner")).hasCount(0);
    PlaywrightAssertions.assertThat(section.getByTestId("no-metrics-banner")).hasCount(0);
    PlaywrightAssertions.assertThat(section.getByTestId("usage-cpu-used")).hasText(CPU_QUANTITY);
    assertThat(section.getByTestId("usage-cpu-used").textContent()).isNotEqualTo("0");
    // The capacity bars are drawn (SVG) with ECharts.
    PlaywrightAssertions.assertThat(
            section.locator("[data-testid=usage-cpu] [data-rendered=true] svg").first())
        .isVisible();
    PlaywrightAssertions.assertThat(
            section.locator("[data-testid=usage-memory] [data-rendered=true] svg").first())
        .isVisible();
    Locator topNodes = section.locator("[data-testid=top-nodes] tbody tr");
    PlaywrightAssertions.assertThat(topNodes.first()).containsText("node");
    PlaywrightAssertions.assertThat(topNodes.first().getByTestId("top-node-cpu"))
        .hasText(CPU_QUANTITY);
    Screenshots.save(page, "19-overview-usage");
  }

  @Test
  @Order(17)
  void aNodeShowsItsUsageAndChartsInBothLanguagesAndThemes() {
    await().atMost(DEADLINE).until(ConsoleIT::metricsApiServes);
    signInAsAdmin(true);
    page.navigate("/nodes/" + CHART_NODE);
    Locator usage = page.getByTestId("node-usage");
    Node node = client.nodes().withName(CHART_NODE).get();
    PlaywrightAssertions.assertThat(usage.getByTestId("node-usage-cpu-allocatable"))
        .hasText(cpu(allocatableMillis(List.of(node))));
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              page.getByTestId("refresh-now").click();
              PlaywrightAssertions.assertThat(usage.getByTestId("node-usage-memory-used"))
                  .hasText(memory(nodeUsage(CHART_NODE, "memory", 1)));
              PlaywrightAssertions.assertThat(usage.getByTestId("node-usage-cpu-used"))
                  .hasText(cpu(nodeUsage(CHART_NODE, "cpu", 1000)));
            });
    PlaywrightAssertions.assertThat(usage.getByTestId("problem-banner")).hasCount(0);
    Locator cpuChart = page.locator("[data-testid=node-chart-cpu] [data-rendered=true] svg");
    PlaywrightAssertions.assertThat(cpuChart.first()).isVisible();
    PlaywrightAssertions.assertThat(
            page.locator("[data-testid=node-chart-memory] [data-rendered=true] svg").first())
        .isVisible();
    // The allocatable reference line is labelled in Kubernetes units inside the chart.
    PlaywrightAssertions.assertThat(page.getByTestId("node-chart-cpu"))
        .containsText("Allocatable " + cpu(allocatableMillis(List.of(node))));
    // The built-in history samples the metrics API every 30 s: the charts fill with its points.
    await()
        .atMost(Duration.ofSeconds(150))
        .untilAsserted(
            () -> {
              page.getByTestId("refresh-now").click();
              PlaywrightAssertions.assertThat(usage)
                  .hasAttribute("data-history-source", "built-in");
              PlaywrightAssertions.assertThat(page.getByTestId("node-chart-cpu"))
                  .not()
                  .containsText("No data");
            });
    PlaywrightAssertions.assertThat(page.getByTestId("node-chart-memory"))
        .not()
        .containsText("No data");
    page.getByTestId("time-range-controls").evaluate("e => e.scrollIntoView({block: 'start'})");
    Screenshots.save(page, "20-node-charts");
    page.getByTestId("range-6h").click();
    PlaywrightAssertions.assertThat(cpuChart.first()).isVisible();
    PlaywrightAssertions.assertThat(page.getByTestId("node-chart-cpu"))
        .not()
        .containsText("No data");

    // Dark theme and Chinese: the same charts, drawn again with the other colours and labels.
    page.getByTestId("theme-switch").click();
    choose("language-switch", "简体中文");
    PlaywrightAssertions.assertThat(page.locator("html")).hasClass(Pattern.compile("\\bdark\\b"));
    PlaywrightAssertions.assertThat(page.getByTestId("node-chart-cpu")).containsText("可分配");
    PlaywrightAssertions.assertThat(cpuChart.first()).isVisible();
    page.getByTestId("time-range-controls").evaluate("e => e.scrollIntoView({block: 'start'})");
    Screenshots.save(page, "21-node-charts-dark-zh");
    page.reload();
    PlaywrightAssertions.assertThat(page.locator("html")).hasClass(Pattern.compile("\\bdark\\b"));
  }

  @Test
  @Order(18)
  void namespacesAndPodsShowUsageAgainstRequestsAndLimits() {
    await().atMost(DEADLINE).until(ConsoleIT::metricsApiServes);
    signInAsAdmin(true);
    page.navigate("/usage/namespaces");
    Locator namespaces = page.getByTestId("usage-namespaces");
    PlaywrightAssertions.assertThat(namespaces).containsText("shop");
    PlaywrightAssertions.assertThat(page.getByTestId("problem-banner")).hasCount(0);

    page.navigate("/usage/pods?namespace=shop");
    Locator rows = page.locator("[data-testid=usage-pods] > .el-table__inner-wrapper tbody tr");
    long shopPods = client.pods().inNamespace("shop").list().getItems().size();
    PlaywrightAssertions.assertThat(page.getByTestId("usage-pods-total"))
        .containsText("of " + shopPods + " pods");
    // Every pod's usage once metrics-server has scraped it (a pod started a moment ago has none
    // yet).
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              page.reload();
              PlaywrightAssertions.assertThat(rows.first()).containsText("shop");
              for (String text : rows.allInnerTexts()) {
                assertThat(text).contains("shop").doesNotContain("no usage");
              }
            });
    Screenshots.save(page, "22-usage-pods");
  }

  /** Whether the cluster serves the metrics API (metrics-server registered as an APIService). */
  private static boolean metricsApiServes() {
    try {
      return !client.top().nodes().metrics().getItems().isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * A node's usage of {@code resource} from the metrics API, times {@code scale} (1000:
   * millicores).
   */
  private static long nodeUsage(String name, String resource, long scale) {
    return client
        .top()
        .nodes()
        .metrics(name)
        .getUsage()
        .get(resource)
        .getNumericalAmount()
        .multiply(java.math.BigDecimal.valueOf(scale))
        .setScale(0, java.math.RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** All nodes' usage of {@code resource} from the metrics API, times {@code scale}. */
  private static long nodesUsage(String resource, long scale) {
    return client.top().nodes().metrics().getItems().stream()
        .map(m -> m.getUsage().get(resource).getNumericalAmount())
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
        .multiply(java.math.BigDecimal.valueOf(scale))
        .setScale(0, java.math.RoundingMode.HALF_UP)
        .longValueExact();
  }

  private static long allocatableMillis(List<Node> nodes) {
    return nodes.stream()
        .map(n -> n.getStatus().getAllocatable().get("cpu"))
        .filter(Objects::nonNull)
        .map(q -> q.getNumericalAmount().multiply(java.math.BigDecimal.valueOf(1000)))
        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
        .setScale(0, java.math.RoundingMode.HALF_UP)
        .longValueExact();
  }

  /** CPU as the console writes it (shared/charts/units.ts formatCpu): 250m, 1.5, 12. */
  private static String cpu(long millis) {
    if (millis == 0) {
      return "0";
    }
    if (millis < 1000) {
      return millis + "m";
    }
    return java.math.BigDecimal.valueOf(millis)
        .movePointLeft(3)
        .setScale(2, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Memory as the console writes it (units.ts formatMemory): 512Ki, 128Mi, 1.5Gi. */
  private static String memory(long bytes) {
    if (bytes == 0) {
      return "0";
    }
    String[] units = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    int digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return java.math.BigDecimal.valueOf(value)
            .setScale(digits, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + units[unit];
  }

  private static com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions
      withinDeadline() {
    return new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
        .setTimeout(DEADLINE.toMillis());
  }

  /** Nodes of their own for the drain and maintenance tests, so the sample workloads stay put. */
  private static synchronized void addConsoleNodes() {
    if (client.nodes().withName(DRAIN_NODE).get() != null) {
      return;
    }
    sandbox
        .controlPlane()
        .addNodes(
            List.of(
                FakeNode.inZone(DRAIN_NODE, "zone-a").withLabel(CONSOLE_NODE_LABEL, "drain"),
                FakeNode.inZone(MAINTENANCE_NODE_A, "zone-a")
                    .withLabel(CONSOLE_NODE_LABEL, "maintenance"),
                FakeNode.inZone(MAINTENANCE_NODE_B, "zone-b")
                    .withLabel(CONSOLE_NODE_LABEL, "maintenance")));
  }

  /** A Deployment whose pods can only run on {@code node}; waits until they run there. */
  private static void deployOn(String node, String name, int replicas) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(DRAIN_NAMESPACE)
                .endMetadata()
                .build())
        .serverSideApply();
    client
        .apps()
        .deployments()
        .inNamespace(DRAIN_NAMESPACE)
        .resource(Workloads.deployment(name, replicas, Map.of(CONSOLE_NODE_LABEL, "drain")))
        .serverSideApply();
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                podsOn(node, DRAIN_NAMESPACE).stream()
                        .filter(pod -> "Running".equals(pod.getStatus().getPhase()))
                        .count()
                    == replicas);
  }

  private static List<Pod> podsOn(String node, String namespace) {
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .filter(pod -> node.equals(pod.getSpec().getNodeName()))
        .toList();
  }

  private static boolean unschedulable(String node) {
    Node found = client.nodes().withName(node).get();
    return Boolean.TRUE.equals(found.getSpec().getUnschedulable());
  }

  private static Map<String, String> labels(String node) {
    return Objects.requireNonNullElse(
        client.nodes().withName(node).get().getMetadata().getLabels(), Map.of());
  }

  /** Clicks the primary button of the Element Plus confirmation box. */
  private void confirm() {
    page.locator(".el-message-box:visible .el-message-box__btns .el-button--primary").click();
  }

  // --- helpers -------------------------------------------------------------------------------

  private Locator field(String testId) {
    return input(page, testId);
  }

  /**
   * Element Plus puts a test id on the native input or on its wrapper, depending on the component.
   */
  private static Locator input(Page page, String testId) {
    return page.locator("input[data-testid=%1$s], [data-testid=%1$s] input".formatted(testId))
        .first();
  }

  private static Locator input(Locator scope, String testId) {
    return scope
        .locator("input[data-testid=%1$s], [data-testid=%1$s] input".formatted(testId))
        .first();
  }

  private static Locator textarea(Page page, String testId) {
    return page.locator("textarea[data-testid=%1$s], [data-testid=%1$s] textarea".formatted(testId))
        .first();
  }

  private Locator banner() {
    return page.getByTestId("problem-banner");
  }

  /** Signs in as admin; the generated password must be changed at the first sign-in. */
  private void signInAsAdmin(boolean navigate) {
    if (navigate) {
      page.navigate("/login");
    }
    adminPassword = signIn(page, "admin", adminPassword, NEW_ADMIN_PASSWORD);
  }

  /** Signs in and, when the server asks for it, changes the password; returns the one in use. */
  private static String signIn(Page page, String user, String password, String replacement) {
    input(page, "login-username").fill(user);
    input(page, "login-password").fill(password);
    page.getByTestId("login-submit").click();
    page.waitForURL(url -> !url.contains("/login"));
    if (!page.url().contains("/password")) {
      return password;
    }
    input(page, "password-current").fill(password);
    input(page, "password-new").fill(replacement);
    input(page, "password-repeat").fill(replacement);
    page.getByTestId("password-submit").click();
    page.waitForURL(url -> !url.contains("/password"));
    return replacement;
  }

  /** Opens an Element Plus select and clicks the option with that text. */
  private void choose(String testId, String option) {
    page.getByTestId(testId).click();
    page.locator(".el-select-dropdown__item:visible")
        .filter(new Locator.FilterOptions().setHasText(option))
        .first()
        .click();
  }

  private void chooseNamespace(String namespace) {
    page.getByTestId("filter-namespace").click();
    input(page, "filter-namespace").fill(namespace);
    page.locator(".el-select-dropdown__item:visible")
        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + namespace + "$")))
        .first()
        .click();
  }

  /** Creates a user through the API as the signed-in admin (session cookie + CSRF header). */
  private void createUser(String username, String password, String role) {
    APIResponse response =
        postAsSignedInUser(
            "/api/v1/users",
            Map.of(
                "username",
                username,
                "password",
                password,
                "grants",
                List.of(Map.of("role", role, "cluster", "*", "namespace", "*"))));
    assertThat(response.status()).as(response.text()).isIn(201, 409);
  }

  /** A JSON POST with the page's session cookie and CSRF header. */
  private APIResponse postAsSignedInUser(String path, Map<String, Object> body) {
    return postJson(context, path, body);
  }

  /** A JSON POST with that profile's session cookie and CSRF header. */
  private static APIResponse postJson(
      BrowserContext signedIn, String path, Map<String, Object> body) {
    return signedIn
        .request()
        .post(
            path, RequestOptions.create().setHeader("X-XSRF-TOKEN", xsrf(signedIn)).setData(body));
  }

  /** A POST of a text body (e.g. YAML) with that profile's session cookie and CSRF header. */
  private static APIResponse post(
      BrowserContext signedIn, String path, String body, String contentType) {
    return signedIn
        .request()
        .post(
            path,
            RequestOptions.create()
                .setHeader("X-XSRF-TOKEN", xsrf(signedIn))
                .setHeader("Content-Type", contentType)
                .setData(body));
  }

  private static String xsrf(BrowserContext signedIn) {
    signedIn.request().get("/api/v1/auth/me");
    return signedIn.cookies().stream()
        .filter(cookie -> cookie.name.equals("XSRF-TOKEN"))
        .map((Cookie cookie) -> cookie.value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie after signing in"));
  }

  /** Waits for the expected element or a problem banner; a banner fails with the API's words. */
  private static void failOnBanner(Page page, String expected) {
    Locator banner = page.getByTestId("problem-banner");
    page.locator(expected + ", [data-testid=problem-banner]").first().waitFor();
    if (banner.isVisible()) {
      throw new AssertionError("The console showed a problem: " + banner.innerText());
    }
  }

  private static Locator diffLine(Locator diff, String kind, String text) {
    return diff.locator("." + kind).filter(new Locator.FilterOptions().setHasText(text)).first();
  }

  private static int replicas(String namespace, String name) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .get()
        .getSpec()
        .getReplicas();
  }
}
