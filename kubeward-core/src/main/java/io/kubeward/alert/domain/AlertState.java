package io.kubeward.alert.domain;

/**
 * Where an alert is in its life: its condition holds but not yet for the rule's {@code for}
 * (pending), it holds long enough (firing), it no longer holds after firing (resolved). A pending
 * alert whose condition stops holding is dropped, never resolved: nobody was told about it.
 */
public enum AlertState {
  PENDING,
  FIRING,
  RESOLVED
}
