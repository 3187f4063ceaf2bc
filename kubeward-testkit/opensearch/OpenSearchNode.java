// The main of the forked OpenSearch node of io.kubeward.testkit.opensearch.LocalOpenSearch, run
// with Java's source launcher (`java -cp <classpath.txt> OpenSearchNode.java <home> <http> <tcp>`)
// on the classpath of pom.xml beside it. Not compiled by the build: it needs OpenSearch's jars.
//
// A plain org.opensearch.node.Node (not the test framework's MockNode: that one needs a randomized
// test runner's context) with the Netty4 module loaded as a classpath plugin, one node, 127.0.0.1.

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

public class OpenSearchNode {

  static final class LocalNode extends Node {
    LocalNode(Settings settings) {
      super(
          InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "kubeward"),
          List.of(
              new PluginInfo(
                  Netty4ModulePlugin.class.getName(),
                  "classpath plugin",
                  "NA",
                  Version.CURRENT,
                  "21",
                  Netty4ModulePlugin.class.getName(),
                  null,
                  List.of(),
                  false)),
          true);
    }
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Settings settings =
        Settings.builder()
            .put("cluster.name", "kubeward-test")
            .put("node.name", "kubeward")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", args[1])
            .put("transport.port", args[2])
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .build();
    Node node = new LocalNode(settings);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  } finally {
                    closed.countDown();
                  }
                }));
    node.start();
    System.out.println("OpenSearch " + Version.CURRENT + " started on 127.0.0.1:" + args[1]);
    closed.await();
  }
}
