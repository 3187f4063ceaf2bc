package io.kubeward.backup.app.restore;

import java.util.List;
import java.util.Map;

/**
 * A restore preview (ADR 0042): the archive's checksum as verified, how many archived objects the
 * spec selects, the count per verdict, and the items (at most {@code limit}; {@code truncated} when
 * there were more).
 */
public record RestorePreview(
    String archiveSha256,
    int archived,
    int selected,
    Map<PreviewVerdict, Integer> counts,
    List<PreviewItem> items,
    boolean truncated) {}
