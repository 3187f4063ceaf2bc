package io.kubeward.testkit;

/** A namespace created for one test method and deleted after it. */
public record TestNamespace(String name) {

  @Override
  public String toString() {
    return name;
  }
}
