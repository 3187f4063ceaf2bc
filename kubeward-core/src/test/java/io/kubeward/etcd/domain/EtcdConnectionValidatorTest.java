package io.kubeward.etcd.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EtcdConnectionValidatorTest {

  static String pem(String name) {
    try (InputStream in =
        EtcdConnectionValidatorTest.class.getResourceAsStream("/io/kubeward/etcd/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static EtcdConnection connection(List<String> endpoints, String cert, String key) {
    return new EtcdConnection(
        endpoints.stream().map(URI::create).toList(), pem("ca.crt"), cert, key, "local", 5);
  }

  static EtcdConnection valid() {
    return connection(List.of("https://10.0.0.1:2379"), pem("client.crt"), pem("client.key"));
  }

  static final Set<String> LOCATIONS = Set.of("local");

  static String problems(EtcdConnection c, EtcdRules rules) {
    try {
      EtcdConnectionValidator.validate("c1", c, rules, LOCATIONS);
      return "";
    } catch (EtcdException e) {
      assertThat(e.code()).isEqualTo(EtcdException.INVALID);
      return e.getMessage();
    }
  }

  @Test
  void aValidConnectionParses() {
    EtcdTls tls = EtcdConnectionValidator.validate("c1", valid(), EtcdRules.defaults(), LOCATIONS);
    assertThat(tls.clientInfo().subject()).isEqualTo("CN=test-client");
    assertThat(tls.clientInfo().issuer()).isEqualTo("CN=test-ca");
    assertThat(tls.clientInfo().sha256Fingerprint()).hasSize(95);
    assertThat(tls.caInfo()).hasSize(1);
    assertThat(valid().toString()).doesNotContain("PRIVATE");
  }

  @Test
  void endpointsMustBeHttpsWithAPortOnAnAllowedHost() {
    EtcdRules rules = EtcdRules.defaults();
    assertThat(
            problems(
                connection(List.of("http://10.0.0.1:2379"), pem("client.crt"), pem("client.key")),
                rules))
        .contains("must be https://");
    assertThat(
            problems(
                connection(List.of("https://10.0.0.1"), pem("client.crt"), pem("client.key")),
                rules))
        .contains("needs a host and a port");
    assertThat(
            problems(
                connection(
                    List.of("https://u:p@10.0.0.1:2379/x"), pem("client.crt"), pem("client.key")),
                rules))
        .contains("may only have");
    assertThat(problems(connection(List.of(), pem("client.crt"), pem("client.key")), rules))
        .contains("at least one");
    EtcdRules onlyEtcd = new EtcdRules(List.of("ETCD.example"), 5, 65536, 100);
    assertThat(problems(valid(), onlyEtcd)).contains("not among kubeward.etcd.allowed-hosts");
    assertThat(
            problems(
                connection(
                    List.of("https://etcd.example:2379"), pem("client.crt"), pem("client.key")),
                onlyEtcd))
        .isEmpty();
  }

  @Test
  void pemFieldsAreBoundedAndMustParse() {
    EtcdRules small = new EtcdRules(List.of(), 5, 1024, 100);
    EtcdConnection padded =
        connection(
            List.of("https://a:1"), pem("client.crt") + "\n".repeat(1024), pem("client.key"));
    assertThat(problems(padded, small)).contains("cert: larger than 1024 bytes");
    assertThat(
            problems(
                connection(List.of("https://a:1"), "not pem", pem("client.key")),
                EtcdRules.defaults()))
        .contains("cert: no PEM certificate");
    assertThat(
            problems(
                connection(List.of("https://a:1"), pem("client.crt"), pem("other.key")),
                EtcdRules.defaults()))
        .contains("does not belong to the client certificate");
    assertThat(
            problems(
                connection(List.of("https://a:1"), pem("other.crt"), pem("other-pkcs1.key")),
                EtcdRules.defaults()))
        .contains("PKCS#8");
    assertThat(
            problems(
                connection(List.of("https://a:1"), pem("other.crt"), pem("other.key")),
                EtcdRules.defaults()))
        .isEmpty();
  }

  @Test
  void locationAndRetentionAreChecked() {
    EtcdConnection c = valid();
    EtcdConnection elsewhere =
        new EtcdConnection(c.endpoints(), c.caPem(), c.certPem(), c.keyPem(), "s3-missing", 0);
    assertThat(problems(elsewhere, EtcdRules.defaults()))
        .contains("no storage location s3-missing")
        .contains("retain: must be 1–100");
    assertThatThrownBy(() -> new EtcdRules(List.of(), 0, 65536, 100))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
