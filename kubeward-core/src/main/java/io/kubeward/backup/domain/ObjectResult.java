package io.kubeward.backup.domain;

import org.jspecify.annotations.Nullable;

/**
 * The result of a restore, or of its preview, for one object of the archive.
 *
 * @param source the object as archived
 * @param target the object as restored (namespace mapped), the same when not mapped
 * @param reason why it was skipped or failed (a sentence), null when created or updated
 */
public record ObjectResult(
    ObjectRef source, ObjectRef target, RestoreOutcome outcome, @Nullable String reason) {}
