module kubeward.io/testkit/go/gateway-api

go 1.26.0

// Only the CRD manifests of this module are used (config/crd/standard/*.yaml): fetch-gateway-api-crds.sh
// downloads the module zip through the Go module proxy, checked against go.sum, and copies them.
require sigs.k8s.io/gateway-api v1.4.1
