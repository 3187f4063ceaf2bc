package io.kubeward.helm.domain;

import java.util.List;

/** Where the chart of an install or upgrade comes from; each source is validated when made. */
public sealed interface ChartSource {

  /** The chart argument and the flags that locate it. */
  List<String> arguments(String uploadedChartFile);

  /** For audit and messages: {@code chart@version (where)}. */
  String describe();

  /** The chart's version, or {@code null} for the newest. */
  String version();

  /** A chart from an HTTP(S) chart repository ({@code index.yaml} at {@code url}). */
  record Repository(String url, String chart, String version) implements ChartSource {
    public Repository {
      url = HelmLimits.repositoryUrl(url);
      chart = HelmLimits.chartName(chart);
      version = HelmLimits.versionOrNull(version);
    }

    @Override
    public List<String> arguments(String uploadedChartFile) {
      return version == null
          ? List.of(chart, "--repo=" + url)
          : List.of(chart, "--repo=" + url, "--version=" + version);
    }

    @Override
    public String describe() {
      return chart + "@" + (version == null ? "latest" : version) + " (" + url + ")";
    }
  }

  /** A chart in an OCI registry: {@code oci://host[:port]/path/chart}. */
  record Oci(String reference, String version) implements ChartSource {
    public Oci {
      reference = HelmLimits.ociReference(reference);
      version = HelmLimits.versionOrNull(version);
    }

    @Override
    public List<String> arguments(String uploadedChartFile) {
      return version == null ? List.of(reference) : List.of(reference, "--version=" + version);
    }

    @Override
    public String describe() {
      return reference + "@" + (version == null ? "latest" : version);
    }
  }

  /** A packaged chart ({@code .tgz}) the caller uploaded; its size was bounded on arrival. */
  record Uploaded(String fileName, byte[] archive) implements ChartSource {
    public Uploaded {
      if (archive == null || archive.length == 0) {
        throw HelmException.invalid("the uploaded chart is empty");
      }
      if (archive.length < 2 || (archive[0] & 0xff) != 0x1f || (archive[1] & 0xff) != 0x8b) {
        throw HelmException.invalid("the uploaded chart is not a packaged chart (.tgz)");
      }
      fileName = fileName == null || fileName.isBlank() ? "chart.tgz" : fileName;
    }

    @Override
    public List<String> arguments(String uploadedChartFile) {
      return List.of(uploadedChartFile);
    }

    @Override
    public String describe() {
      return "uploaded " + HelmLimits.printable(fileName) + " (" + archive.length + " bytes)";
    }

    @Override
    public String version() {
      return null;
    }
  }
}
