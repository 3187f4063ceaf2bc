package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.IngressBackendView;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ServicePortView;
import io.kubeward.cluster.domain.ServiceView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The Ingress rules: {@code ingress.missing-backend} and {@code ingress.missing-tls-secret}. */
public final class IngressRules {

  private IngressRules() {}

  /** {@code ingress.missing-backend}: a backend names a missing Service or a port it lacks. */
  public static final class MissingBackend extends BaseRule {

    public MissingBackend() {
      super(
          "ingress.missing-backend",
          Severity.CRITICAL,
          "Ingress",
          Set.of("Service"),
          Bilingual.of(
              "Ingress points at a missing Service or port", "Ingress 指向不存在的 Service 或端口"));
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
      List<Evidence> evidence = new ArrayList<>();
      List<String> en = new ArrayList<>();
      List<String> zh = new ArrayList<>();
      for (IngressBackendView backend :
          OpsFacts.listField(subject, "backends", IngressBackendView.class)) {
        Optional<KubeObjectView> found =
            facts.get("Service", subject.namespace(), backend.service());
        ObjectRef serviceRef = ObjectRef.of("Service", subject.namespace(), backend.service());
        if (found.isEmpty()) {
          en.add(backend.where() + " → Service " + backend.service() + " does not exist");
          zh.add(backend.where() + " → Service " + backend.service() + " 不存在");
          evidence.add(
              Evidence.related(
                  "backend " + backend.where(),
                  backend.service() + ":" + backend.port() + " (Service not found)",
                  serviceRef));
        } else if (found.get() instanceof ServiceView service && !exposes(service, backend)) {
          en.add(
              backend.where()
                  + " → Service "
                  + backend.service()
                  + " has no port "
                  + backend.port()
                  + " (it has "
                  + service.ports()
                  + ")");
          zh.add(
              backend.where()
                  + " → Service "
                  + backend.service()
                  + " 没有端口 "
                  + backend.port()
                  + "（它只有 "
                  + service.ports()
                  + "）");
          evidence.add(
              Evidence.related(
                  "backend " + backend.where(),
                  backend.service()
                      + ":"
                      + backend.port()
                      + " (Service ports: "
                      + portList(service)
                      + ")",
                  serviceRef));
        }
      }
      if (en.isEmpty()) {
        return List.of();
      }
      String className = OpsFacts.stringField(subject, "className");
      if (className != null) {
        evidence.add(Evidence.of(Evidence.FIELD, "ingressClassName", className));
      }
      evidence.addAll(OpsFacts.warningEvents(facts, ref(subject), OpsFacts.MAX_EVENTS));
      return finding(
          subject,
          Bilingual.of(
              "Ingress "
                  + subject.name()
                  + " routes to backends that cannot answer: "
                  + String.join("; ", en)
                  + ". Requests to those paths get 503 from the ingress controller.",
              "Ingress "
                  + subject.name()
                  + " 路由到无法应答的后端："
                  + String.join("；", zh)
                  + "。对这些路径的请求会从 Ingress 控制器得到 503。"),
          evidence,
          Bilingual.of(
              "Create the Service, or fix the backend's service name and port in the Ingress"
                  + " (`kubectl edit ingress "
                  + subject.name()
                  + " -n "
                  + subject.namespace()
                  + "`); `kubectl get svc -n "
                  + subject.namespace()
                  + "` lists the Services and their ports.",
              "创建该 Service，或修正 Ingress 中后端的服务名和端口（`kubectl edit ingress "
                  + subject.name()
                  + " -n "
                  + subject.namespace()
                  + "`）；`kubectl get svc -n "
                  + subject.namespace()
                  + "` 列出 Service 及其端口。"));
    }

    static boolean exposes(ServiceView service, IngressBackendView backend) {
      if (service.servicePorts().isEmpty()) {
        return true; // nothing known about its ports
      }
      for (ServicePortView port : service.servicePorts()) {
        if (backend.portNumber() != null
            ? backend.portNumber() == port.port()
            : backend.portName() != null && backend.portName().equals(port.name())) {
          return true;
        }
      }
      return false;
    }

    static String portList(ServiceView service) {
      List<String> out = new ArrayList<>();
      for (ServicePortView port : service.servicePorts()) {
        out.add(
            port.name() == null ? String.valueOf(port.port()) : port.name() + ":" + port.port());
      }
      return String.join(", ", out);
    }
  }

  /** {@code ingress.missing-tls-secret}: a TLS section names a Secret that does not exist. */
  public static final class MissingTlsSecret extends BaseRule {

    public MissingTlsSecret() {
      super(
          "ingress.missing-tls-secret",
          Severity.WARNING,
          "Ingress",
          Set.of("Secret"),
          Bilingual.of("Ingress TLS Secret missing", "Ingress 的 TLS Secret 不存在"));
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
      List<String> missing = new ArrayList<>();
      List<Evidence> evidence = new ArrayList<>();
      for (String secret : OpsFacts.listField(subject, "tlsSecrets", String.class)) {
        if (facts.get("Secret", subject.namespace(), secret).isEmpty()) {
          missing.add(secret);
          evidence.add(
              Evidence.related(
                  "tls secretName",
                  secret + " (not found)",
                  ObjectRef.of("Secret", subject.namespace(), secret)));
        }
      }
      if (missing.isEmpty()) {
        return List.of();
      }
      String names = String.join(", ", missing);
      return finding(
          subject,
          Bilingual.of(
              "Ingress "
                  + subject.name()
                  + " names TLS Secret(s) that do not exist ("
                  + names
                  + "): the ingress controller serves its default certificate for those hosts, or"
                  + " no HTTPS at all.",
              "Ingress "
                  + subject.name()
                  + " 引用了不存在的 TLS Secret（"
                  + names
                  + "）：Ingress 控制器会为这些主机使用默认证书，或根本不提供 HTTPS。"),
          evidence,
          Bilingual.of(
              "Create the Secret (`kubectl create secret tls NAME --cert=... --key=... -n "
                  + subject.namespace()
                  + "`) or check the certificate issuer (e.g. cert-manager's Certificate) that"
                  + " should make it.",
              "创建该 Secret（`kubectl create secret tls NAME --cert=... --key=... -n "
                  + subject.namespace()
                  + "`），或检查应生成它的证书签发者（如 cert-manager 的 Certificate）。"));
    }
  }
}
