package io.kubeward.access.domain;

/** Where a request came from; recorded in every audit record. */
public enum Origin {
  CONSOLE,
  API,
  CLI,
  CONTROLLER
}
