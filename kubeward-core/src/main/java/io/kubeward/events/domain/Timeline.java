package io.kubeward.events.domain;

import java.util.List;

/**
 * The events of an object and its relatives, newest first.
 *
 * @param objects the object itself, its owners (owner chain) and what it owns down to pods (or, for
 *     a node, its pods), in that order
 * @param events stored and cached events about those objects, merged, newest first
 * @param truncated whether objects or events were left out by the bounds
 */
public record Timeline(List<Related> objects, List<EventRow> events, boolean truncated) {

  /** How an object of the timeline relates to the one asked for. */
  public enum Relation {
    SELF,
    OWNER,
    OWNED,
    POD
  }

  public record Related(InvolvedObject object, Relation relation) {}
}
