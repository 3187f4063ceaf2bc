package io.kubeward.hpa.app;

import io.kubeward.hpa.domain.VpaView;
import java.util.List;

/** The VPAs, or {@code installed = false} when the cluster does not serve the VPA API. */
public record VpaList(boolean installed, List<VpaView> items) {}
