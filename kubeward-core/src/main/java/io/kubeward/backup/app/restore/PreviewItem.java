package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.restore.RestoreStage;
import org.jspecify.annotations.Nullable;

/** One archived object in a restore preview. */
public record PreviewItem(
    ObjectRef source,
    ObjectRef target,
    RestoreStage stage,
    PreviewVerdict verdict,
    @Nullable String reason) {}
