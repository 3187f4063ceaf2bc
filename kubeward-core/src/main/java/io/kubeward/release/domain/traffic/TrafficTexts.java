package io.kubeward.release.domain.traffic;

import io.kubeward.diagnostics.domain.Bilingual;

/**
 * Every text the ingress-nginx and Gateway API routers show people, in English and 简体中文: validation
 * problems (the Release's spec) and presence reasons (why a router cannot work on a cluster).
 * Status conditions and Events take the English text; the REST API answers in the caller's
 * language.
 */
public final class TrafficTexts {

  private TrafficTexts() {}

  // --- presence ---

  public static Bilingual ingressApiMissing() {
    return Bilingual.of(
        "the cluster does not serve networking.k8s.io/v1 Ingresses",
        "集群未提供 networking.k8s.io/v1 的 Ingress API");
  }

  public static Bilingual noNginxIngressClass(String controller) {
    return Bilingual.of(
        "no IngressClass with controller " + controller + " (ingress-nginx is not installed)",
        "没有控制器为 " + controller + " 的 IngressClass(未安装 ingress-nginx)");
  }

  public static Bilingual httpRoutesNotServed(String groupVersion) {
    return Bilingual.of(
        "the Gateway API CRD httproutes.gateway.networking.k8s.io is not installed or does not"
            + " serve "
            + groupVersion,
        "未安装 Gateway API 的 CRD httproutes.gateway.networking.k8s.io,或它未提供 " + groupVersion);
  }

  public static Bilingual presenceUnknown(String error) {
    return Bilingual.of("could not ask the cluster: " + error, "无法向集群查询:" + error);
  }

  // --- validation of the routing spec ---

  public static Bilingual invalidObjectName(String field, String name) {
    return Bilingual.of(
        field
            + ": \""
            + name
            + "\" is not a valid object name (lowercase letters, digits, '-' and"
            + " '.', at most 253 characters)",
        field + ":\"" + name + "\" 不是合法的对象名称(小写字母、数字、'-' 和 '.',最多 253 个字符)");
  }

  public static Bilingual wrongRouter(String type, String expected) {
    return Bilingual.of(
        "spec.strategy.canary.trafficRouting: the " + expected + " router cannot route " + type,
        "spec.strategy.canary.trafficRouting:" + expected + " 路由器无法处理 " + type);
  }

  // --- validation of a setHeaderRoute step ---

  public static Bilingual noMatch() {
    return Bilingual.of(
        "setHeaderRoute.match: give at least one header or cookie",
        "setHeaderRoute.match:至少给出一个 header 或 cookie");
  }

  public static Bilingual tooManyMatches(String router, int max) {
    return Bilingual.of(
        "setHeaderRoute.match: " + router + " takes at most " + max + " match(es)",
        "setHeaderRoute.match:" + router + " 最多支持 " + max + " 个匹配条件");
  }

  public static Bilingual headerXorCookie(int index) {
    return Bilingual.of(
        "setHeaderRoute.match[" + index + "]: give exactly one of header and cookie",
        "setHeaderRoute.match[" + index + "]:header 与 cookie 必须且只能给出其一");
  }

  public static Bilingual invalidHeaderName(int index, String name) {
    return Bilingual.of(
        "setHeaderRoute.match[" + index + "].header: \"" + name + "\" is not an HTTP header name",
        "setHeaderRoute.match[" + index + "].header:\"" + name + "\" 不是合法的 HTTP 头名称");
  }

  public static Bilingual invalidCookieName(int index, String name) {
    return Bilingual.of(
        "setHeaderRoute.match[" + index + "].cookie: \"" + name + "\" is not a cookie name",
        "setHeaderRoute.match[" + index + "].cookie:\"" + name + "\" 不是合法的 cookie 名称");
  }

  public static Bilingual invalidValue(int index, int max) {
    return Bilingual.of(
        "setHeaderRoute.match["
            + index
            + "].value: give 1 to "
            + max
            + " visible ASCII characters (no spaces, quotes, ',' ';' or '\\')",
        "setHeaderRoute.match["
            + index
            + "].value:需为 1 到 "
            + max
            + " 个可见 ASCII 字符(不含空格、引号、','、';' 或 '\\')");
  }

  public static Bilingual nginxCookieAlways(int index) {
    return Bilingual.of(
        "setHeaderRoute.match["
            + index
            + "].value: ingress-nginx sends a request to the canary by cookie only when the"
            + " cookie's value is \"always\" (\"never\" keeps it on stable); use value: always",
        "setHeaderRoute.match["
            + index
            + "].value:ingress-nginx 只在 cookie 的值为 \"always\" 时按 cookie 把请求发往金丝雀版本"
            + "(\"never\" 则留在稳定版本);请使用 value: always");
  }

  public static Bilingual oneCookie() {
    return Bilingual.of(
        "setHeaderRoute.match: the Gateway API router takes at most one cookie (it becomes one"
            + " Cookie header match)",
        "setHeaderRoute.match:Gateway API 路由器最多支持一个 cookie(它会变成一个 Cookie 请求头匹配)");
  }

  public static Bilingual duplicateHeader(int index, String name) {
    return Bilingual.of(
        "setHeaderRoute.match[" + index + "].header: \"" + name + "\" is matched twice",
        "setHeaderRoute.match[" + index + "].header:\"" + name + "\" 被重复匹配");
  }

  public static Bilingual headerRoutesUnsupported(String router) {
    return Bilingual.of(
        "setHeaderRoute: the "
            + router
            + " router cannot send requests to the canary by header or"
            + " cookie",
        "setHeaderRoute:" + router + " 路由器不能按 header 或 cookie 把请求发往金丝雀版本");
  }
}
