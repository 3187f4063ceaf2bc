package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.resource.domain.KindInfo;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The target cluster as the identity a restore acts for (the caller's own client for a preview, the
 * stamped identity for the controller): never Kubeward's own rights (ADR 0040, 0042).
 */
public interface RestoreCluster {

  /** The kind as the cluster serves it; discovery is read again when the kind is unknown. */
  Optional<KindInfo> resolve(String apiVersion, String kind);

  /** Whether the object exists, and its current form. */
  Lookup get(KindInfo kind, ObjectRef target);

  /** Whether the identity may {@code verb} the kind's resource (a SelfSubjectAccessReview). */
  boolean may(String verb, KindInfo kind, @Nullable String namespace);

  /** Creates the object. */
  Write create(KindInfo kind, Map<String, Object> object);

  /** Server-side apply, forced, field manager {@value #FIELD_MANAGER}; optionally a dry run. */
  Write apply(KindInfo kind, Map<String, Object> object, boolean dryRun);

  /** Whether the CRD exists and is Established. */
  boolean established(String crdName);

  String FIELD_MANAGER = "kubeward-restore";

  /** What a read found. */
  record Lookup(State state, @Nullable Map<String, Object> object, @Nullable String message) {

    public enum State {
      EXISTS,
      ABSENT,
      /** The identity may not read it: existence unknown. */
      FORBIDDEN
    }

    public static Lookup exists(Map<String, Object> object) {
      return new Lookup(State.EXISTS, object, null);
    }

    public static Lookup absent() {
      return new Lookup(State.ABSENT, null, null);
    }

    public static Lookup forbidden(String message) {
      return new Lookup(State.FORBIDDEN, null, message);
    }

    public boolean exists() {
      return state == State.EXISTS;
    }
  }

  /** The apiserver's answer to a write: its HTTP code (2xx done) and message. */
  record Write(int code, @Nullable String message) {

    public static final Write OK = new Write(200, null);

    public boolean ok() {
      return code >= 200 && code < 300;
    }

    public boolean alreadyExists() {
      return code == 409;
    }

    /** 403 and 422 may hide an object that exists (ADR 0042): look before calling it a failure. */
    public boolean mayHideExisting() {
      return code == 403 || code == 422;
    }
  }
}
