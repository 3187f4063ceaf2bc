package io.kubeward.release.domain.analysis;

import io.kubeward.common.Names;
import io.kubeward.maintenance.domain.GoDuration;
import io.kubeward.release.domain.AnalysisCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one validator of analysis checks (ADR 0037), used by the Release's validation (REST and the
 * controller) through {@code ReleaseAnalysis.validate}: names are unique DNS labels, exactly one of
 * {@code promql} and {@code signal}, conditions parse, every number and duration is bounded, the
 * query is at most 4 KiB and uses only the known template variables. {@link #resolve} applies the
 * defaults to a valid check.
 */
public final class AnalysisValidation {

  public static final int MAX_CHECKS = 20;
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  public static final Duration MAX_INTERVAL = Duration.ofHours(1);
  public static final Duration MAX_INITIAL_DELAY = Duration.ofHours(1);
  public static final int MAX_COUNT = 1_000;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_SIGNAL_MAX = 10_000;
  public static final int MAX_QUERY_BYTES = 4 * 1024;

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final int DEFAULT_COUNT = 1;
  public static final int DEFAULT_FAILURE_LIMIT = 0;
  public static final int DEFAULT_INCONCLUSIVE_LIMIT = 0;
  public static final int DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ZERO;
  public static final Set<String> DEFAULT_SEVERITIES = Set.of("CRITICAL", "WARNING");
  static final Set<String> SEVERITIES = Set.of("CRITICAL", "WARNING", "INFO");

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private AnalysisValidation() {}

  /** The problems of {@code checks}; empty when they are valid. */
  public static List<AnalysisProblem> validate(@Nullable List<AnalysisCheck> checks) {
    List<AnalysisProblem> problems = new ArrayList<>();
    if (checks == null || checks.isEmpty()) {
      problems.add(new AnalysisProblem("checks", "at least one check is needed", "至少需要一个检查项"));
      return problems;
    }
    if (checks.size() > MAX_CHECKS) {
      problems.add(
          new AnalysisProblem(
              "checks",
              "at most " + MAX_CHECKS + " checks, not " + checks.size(),
              "检查项最多 " + MAX_CHECKS + " 个，实际为 " + checks.size() + " 个"));
      return problems;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < checks.size(); i++) {
      String at = "checks[" + i + "]";
      AnalysisCheck check = checks.get(i);
      if (check == null) {
        problems.add(new AnalysisProblem(at, "must not be empty", "不能为空"));
        continue;
      }
      if (check.name() == null || !Names.isNamespace(check.name())) {
        problems.add(
            new AnalysisProblem(
                at + ".name",
                "must be a DNS label (lower-case letters, digits, '-'; at most 63)",
                "必须是 DNS 标签（小写字母、数字和 '-'，最多 63 个字符）"));
      } else if (!names.add(check.name())) {
        problems.add(
            new AnalysisProblem(
                at + ".name",
                "the name " + check.name() + " is used twice",
                "名称 " + check.name() + " 重复"));
      }
      duration(problems, at + ".interval", check.interval(), MIN_INTERVAL, MAX_INTERVAL);
      duration(
          problems, at + ".initialDelay", check.initialDelay(), Duration.ZERO, MAX_INITIAL_DELAY);
      number(problems, at + ".count", check.count(), MAX_COUNT);
      number(problems, at + ".failureLimit", check.failureLimit(), MAX_LIMIT);
      number(problems, at + ".inconclusiveLimit", check.inconclusiveLimit(), MAX_LIMIT);
      number(problems, at + ".consecutiveErrorLimit", check.consecutiveErrorLimit(), MAX_LIMIT);
      if ((check.promql() == null) == (check.signal() == null)) {
        problems.add(
            new AnalysisProblem(
                at, "exactly one of promql and signal is needed", "promql 与 signal 必须且只能指定一个"));
      } else if (check.promql() != null) {
        promql(problems, at + ".promql", check.promql());
      } else {
        signal(problems, at + ".signal", check.signal());
      }
    }
    return problems;
  }

  /** The problems as {@code field: message} in the locale's language. */
  public static List<String> describe(List<AnalysisProblem> problems, Locale locale) {
    return problems.stream().map(p -> p.describe(locale)).toList();
  }

  private static void promql(
      List<AnalysisProblem> problems, String at, AnalysisCheck.PromqlCheck promql) {
    String query = promql.query();
    if (query == null || query.isBlank()) {
      problems.add(new AnalysisProblem(at + ".query", "must not be empty", "不能为空"));
    } else if (query.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_QUERY_BYTES) {
      problems.add(
          new AnalysisProblem(
              at + ".query",
              "at most " + MAX_QUERY_BYTES + " bytes",
              "最多 " + MAX_QUERY_BYTES + " 字节"));
    } else {
      Matcher m = VARIABLE.matcher(query);
      Set<String> unknown = new LinkedHashSet<>();
      while (m.find()) {
        if (!PromqlTemplate.VARIABLES.contains(m.group(1))) {
          unknown.add(m.group(1));
        }
      }
      if (!unknown.isEmpty()) {
        problems.add(
            new AnalysisProblem(
                at + ".query",
                "unknown template variables " + unknown + "; known are " + PromqlTemplate.VARIABLES,
                "未知的模板变量 " + unknown + "；可用的变量为 " + PromqlTemplate.VARIABLES));
      }
    }
    if (promql.successCondition() == null || promql.successCondition().isBlank()) {
      problems.add(
          new AnalysisProblem(
              at + ".successCondition", "is required, e.g. \"< 0.05\"", "必填，例如 \"< 0.05\""));
    } else {
      condition(problems, at + ".successCondition", promql.successCondition());
    }
    if (promql.failureCondition() != null) {
      condition(problems, at + ".failureCondition", promql.failureCondition());
    }
  }

  private static void condition(List<AnalysisProblem> problems, String at, String text) {
    if (Condition.parse(text).isEmpty()) {
      problems.add(
          new AnalysisProblem(
              at,
              "must be an operator (< <= > >= == !=) and a number, e.g. \"< 0.05\"",
              "必须是比较运算符（< <= > >= == !=）加数字，例如 \"< 0.05\""));
    }
  }

  private static void signal(
      List<AnalysisProblem> problems, String at, AnalysisCheck.SignalCheck signal) {
    SignalType type = signal.type() == null ? null : SignalType.of(signal.type()).orElse(null);
    if (type == null) {
      List<String> known =
          java.util.Arrays.stream(SignalType.values()).map(SignalType::value).toList();
      problems.add(
          new AnalysisProblem(at + ".type", "must be one of " + known, "必须是以下之一：" + known));
    }
    number(problems, at + ".max", signal.max(), MAX_SIGNAL_MAX);
    if (signal.severities() != null) {
      if (type != SignalType.FINDINGS) {
        problems.add(
            new AnalysisProblem(
                at + ".severities",
                "only a findings signal has severities",
                "只有 findings 信号可以指定严重程度"));
      } else if (signal.severities().isEmpty() || signal.severities().size() > 3) {
        problems.add(
            new AnalysisProblem(
                at + ".severities",
                "one to three of critical, warning, info",
                "须为 critical、warning、info 中的一到三个"));
      } else {
        for (String severity : signal.severities()) {
          if (severity == null || !SEVERITIES.contains(severity.toUpperCase(Locale.ROOT))) {
            problems.add(
                new AnalysisProblem(
                    at + ".severities",
                    "unknown severity " + severity + "; known are critical, warning, info",
                    "未知的严重程度 " + severity + "；可用值为 critical、warning、info"));
          }
        }
      }
    }
  }

  private static void duration(
      List<AnalysisProblem> problems,
      String at,
      @Nullable String text,
      Duration min,
      Duration max) {
    if (text == null) {
      return;
    }
    try {
      GoDuration.parseBounded(at, text, min, max);
    } catch (RuntimeException e) { // not a duration, or out of range
      String range = GoDuration.format(min) + " … " + GoDuration.format(max);
      problems.add(
          new AnalysisProblem(
              at,
              "must be a duration such as 30s or 5m, from " + range,
              "必须是时长（如 30s、5m），范围 " + range));
    }
  }

  private static void number(
      List<AnalysisProblem> problems, String at, @Nullable Integer value, int max) {
    if (value != null && (value < 0 || value > max)) {
      problems.add(
          new AnalysisProblem(at, "must be between 0 and " + max, "必须在 0 到 " + max + " 之间"));
    }
  }

  /**
   * A valid check with the defaults applied.
   *
   * @throws IllegalArgumentException when the check is not valid
   */
  public static ResolvedCheck resolve(AnalysisCheck check) {
    List<AnalysisProblem> problems = validate(List.of(check));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.getFirst().toString());
    }
    ResolvedCheck.Promql promql = null;
    ResolvedCheck.Signal signal = null;
    if (check.promql() != null) {
      promql =
          new ResolvedCheck.Promql(
              check.promql().query(),
              Condition.parse(check.promql().successCondition()).orElseThrow(),
              check.promql().failureCondition() == null
                  ? null
                  : Condition.parse(check.promql().failureCondition()).orElseThrow());
    } else {
      AnalysisCheck.SignalCheck s = check.signal();
      Set<String> severities =
          s.severities() == null
              ? DEFAULT_SEVERITIES
              : Set.copyOf(s.severities().stream().map(v -> v.toUpperCase(Locale.ROOT)).toList());
      signal =
          new ResolvedCheck.Signal(
              SignalType.of(s.type()).orElseThrow(), s.max() == null ? 0 : s.max(), severities);
    }
    return new ResolvedCheck(
        check.name(),
        check.interval() == null ? DEFAULT_INTERVAL : GoDuration.parse(check.interval()),
        check.count() == null ? DEFAULT_COUNT : check.count(),
        check.failureLimit() == null ? DEFAULT_FAILURE_LIMIT : check.failureLimit(),
        check.inconclusiveLimit() == null ? DEFAULT_INCONCLUSIVE_LIMIT : check.inconclusiveLimit(),
        check.consecutiveErrorLimit() == null
            ? DEFAULT_CONSECUTIVE_ERROR_LIMIT
            : check.consecutiveErrorLimit(),
        check.initialDelay() == null
            ? DEFAULT_INITIAL_DELAY
            : GoDuration.parse(check.initialDelay()),
        promql,
        signal);
  }
}
