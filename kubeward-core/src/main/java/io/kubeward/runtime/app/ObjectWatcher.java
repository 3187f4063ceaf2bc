package io.kubeward.runtime.app;

/** Listener of one watched object. Calls come from one thread at a time. */
public interface ObjectWatcher<T> {

  /** The object as it is now (also after a re-list: the same state may come twice). */
  void changed(T object);

  /** The object was deleted (or is gone after a re-list); no call follows. */
  void deleted();
}
