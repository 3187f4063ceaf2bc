package io.kubeward.release.domain;

import org.jspecify.annotations.Nullable;

/**
 * One match of an A/B header route ({@code setHeaderRoute} step): requests whose header (or cookie)
 * named so has exactly {@code value} go to the canary, whatever the weight. Exactly one of {@code
 * header} and {@code cookie} is set.
 */
public record RouteMatch(@Nullable String header, @Nullable String cookie, String value) {}
