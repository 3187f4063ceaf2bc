package io.kubeward.workload.domain.ops;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Job started by hand from a CronJob's {@code jobTemplate}, as {@code kubectl create job --from
 * =cronjob/<name>} builds it: the template's labels and annotations plus {@code
 * cronjob.kubernetes.io/instantiate: manual}, the template's spec, and the CronJob as controlling
 * owner. Named {@code <cronjob>-manual-<n>}, {@code n} one more than the highest used so far.
 */
public final class ManualJobs {

  public static final String INSTANTIATE = "cronjob.kubernetes.io/instantiate";
  public static final String MANUAL = "manual";

  /** Job names become the {@code job-name} label value of its pods: at most 63 characters. */
  static final int MAX_NAME = 63;

  private ManualJobs() {}

  /** {@code <cronjob>-manual-<n>}, the CronJob's name cut so that the whole fits 63 characters. */
  public static String name(String cronJob, Collection<String> existingJobs) {
    Pattern own = Pattern.compile(Pattern.quote(prefix(cronJob)) + "([0-9]{1,9})");
    long highest = 0;
    for (String job : existingJobs) {
      Matcher m = own.matcher(job);
      if (m.matches()) {
        highest = Math.max(highest, Long.parseLong(m.group(1)));
      }
    }
    return prefix(cronJob) + (highest + 1);
  }

  private static String prefix(String cronJob) {
    String base = cronJob.length() > MAX_NAME - 18 ? cronJob.substring(0, MAX_NAME - 18) : cronJob;
    while (base.endsWith("-")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "-manual-";
  }

  public static Job fromCronJob(CronJob cronJob, String name) {
    var template = cronJob.getSpec().getJobTemplate();
    ObjectMeta templateMeta =
        template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    Map<String, String> annotations = new LinkedHashMap<>();
    if (templateMeta.getAnnotations() != null) {
      annotations.putAll(templateMeta.getAnnotations());
    }
    annotations.put(INSTANTIATE, MANUAL);
    Map<String, String> labels = new LinkedHashMap<>();
    if (templateMeta.getLabels() != null) {
      labels.putAll(templateMeta.getLabels());
    }
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(cronJob.getMetadata().getNamespace())
        .withLabels(labels.isEmpty() ? null : labels)
        .withAnnotations(annotations)
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("batch/v1")
                .withKind("CronJob")
                .withName(cronJob.getMetadata().getName())
                .withUid(cronJob.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .endMetadata()
        .withSpec(template.getSpec())
        .build();
  }
}
