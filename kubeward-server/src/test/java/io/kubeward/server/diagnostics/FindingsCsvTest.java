package io.kubeward.server.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.diagnostics.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FindingsCsvTest {

  @Test
  void quotesAndDefusesFormulas() {
    assertThat(FindingsCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(FindingsCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(FindingsCsv.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
  }

  @Test
  void writesOneRowPerFindingInTheCallersLanguage() {
    var finding =
        H2DiagnosticsStoresTest.resolved(
            "a1", "web-1", Severity.CRITICAL, Instant.parse("2026-12-03T00:00:00Z"));
    String zh = FindingsCsv.write(List.of(finding), Locale.SIMPLIFIED_CHINESE);
    String[] lines = zh.split("\r\n");
    assertThat(lines[0]).startsWith("id,cluster,severity,rule,kind,namespace,name,state");
    assertThat(lines[1])
        .startsWith("a1,c1,CRITICAL,pod.crash-loop,Pod,shop,web-1,resolved")
        .contains("容器 app 反复退出。");
  }
}
