package org.tessera.deployments.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.tessera.deployments.application.AppAccess;
import org.tessera.deployments.application.AppRoute;
import org.tessera.deployments.domain.TrafficSplit;
import org.tessera.identity.domain.UserProfile;
import org.tessera.identity.web.CurrentUser;

/**
 * {@code /apps/{path}/...}: Undertow's reverse proxy to a deployment, after the caller was
 * recognised (a browser's Tessera sign-in, or a deployment token) and allowed. A version is chosen
 * per request by the deployment's split, and named in the {@code X-Tessera-Version} response
 * header. The program gets the deployment's secret instead of the caller's credentials, the
 * caller's name in {@code X-Tessera-User}, and none of Tessera's cookies, so deployed code can
 * never act as its visitors on Tessera.
 */
final class DeploymentProxyHandler implements HttpHandler {

  static final String PREFIX = "/apps/";
  static final HttpString VERSION = new HttpString("X-Tessera-Version");
  static final HttpString USER = new HttpString("X-Tessera-User");
  private static final String SESSION_COOKIE = "JSESSIONID";

  private final HttpHandler next;
  private final Map<String, Backend> backends = new ConcurrentHashMap<>();
  // Looked up once: both are application-scoped, and a CDI lookup per request costs throughput.
  private volatile DeploymentProxyAuthorizer authorizer;
  private volatile DeploymentTraffic traffic;

  private record Backend(int port, ProxyHandler handler) {}

  DeploymentProxyHandler(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRelativePath();
    if (!path.startsWith(PREFIX)) {
      next.handleRequest(exchange);
      return;
    }
    int slash = path.indexOf('/', PREFIX.length());
    String urlPath = path.substring(PREFIX.length(), slash < 0 ? path.length() : slash);
    if (slash < 0) {
      redirect(exchange, exchange.getRequestURI() + "/");
      return;
    }
    String token = exchange.getRequestHeaders().getFirst(DeploymentTokenHeader.TOKEN);
    Optional<UserProfile> user = token != null ? Optional.empty() : signedIn(exchange);
    if (token == null && user.isEmpty()) {
      if (wantsHtml(exchange)) {
        // Tessera's own origin, where the sign-in and its cookie live (also for a host under the apps domain).
        redirect(exchange, org.tessera.shared.web.PlatformSettings.publicUrl() + AppSignInServlet.PATH + exchange.getRequestURI());
      } else {
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
        refuse(exchange, StatusCodes.UNAUTHORIZED, "Send a token of the deployment as Authorization: Bearer TOKEN (its owner generates them in the deployment's settings), or sign in to Tessera.");
      }
      return;
    }
    DeploymentProxyAuthorizer authorizer = authorizer();
    AppAccess access = authorizer.access(user.orElse(null), token, urlPath);
    if (!access.allowed()) {
      if (access.status() == StatusCodes.UNAUTHORIZED) {
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      }
      refuse(exchange, access.status(), access.message());
      return;
    }
    AppRoute route = authorizer.route(access.deploymentId());
    List<String> groups = user.map(UserProfile::groups).orElse(List.of());
    Optional<AppRoute.Backend> chosen = TrafficSplit.choose(route.backends(), AppRoute.Backend::route, groups, ThreadLocalRandom.current().nextDouble(100));
    if (chosen.isEmpty()) {
      refuse(exchange, StatusCodes.SERVICE_UNAVAILABLE, "The deployment has no version serving now: it is starting, or it failed. Its page in Tessera says which, with its logs.");
      return;
    }
    AppRoute.Backend backend = chosen.get();
    if (!urlPath.equals(route.urlPath())) {
      // Reached by its id: the program listens under its URL path.
      String rewritten = PREFIX + route.urlPath() + path.substring(PREFIX.length() + urlPath.length());
      exchange.setRelativePath(rewritten);
      exchange.setRequestPath(rewritten);
      exchange.setRequestURI(rewritten);
    }
    exchange.getRequestHeaders().put(Headers.AUTHORIZATION, "token " + route.secret());
    exchange.getRequestHeaders().remove(DeploymentTokenHeader.TOKEN);
    exchange.getRequestHeaders().put(USER, user.map(UserProfile::username).orElse(""));
    withoutSessionCookie(exchange);
    exchange.getResponseHeaders().put(VERSION, backend.label());
    DeploymentTraffic traffic = traffic();
    long started = System.nanoTime();
    exchange.addExchangeCompleteListener((done, nextListener) -> {
      traffic.served(backend.versionId(), done.getStatusCode(), System.nanoTime() - started);
      nextListener.proceed();
    });
    // Leave the servlet machinery: the exchange is finished by the proxy, not by a servlet.
    exchange.dispatch(SameThreadExecutor.INSTANCE, proxy(backend).handler());
  }

  /**
   * {@code https://{name}.{apps-domain}/x} is {@code /apps/{name}/x}: the request is rewritten to
   * the path form, which is where the program listens ({@code URL_PREFIX}) and what the rest of the
   * proxy knows.
   */
  static void underAppsDomain(HttpServerExchange exchange) {
    Optional<String> domain = org.tessera.shared.web.PlatformSettings.appsDomain();
    String host = exchange.getHostName().toLowerCase(java.util.Locale.ROOT);
    if (domain.isEmpty() || !host.endsWith("." + domain.get())) {
      return;
    }
    String name = host.substring(0, host.length() - domain.get().length() - 1);
    if (name.isEmpty() || name.contains(".")) {
      return;
    }
    String rewritten = PREFIX + name + exchange.getRelativePath();
    exchange.setRelativePath(rewritten);
    exchange.setRequestPath(rewritten);
    exchange.setRequestURI(rewritten);
  }

  private DeploymentProxyAuthorizer authorizer() {
    if (authorizer == null) {
      authorizer = CDI.current().select(DeploymentProxyAuthorizer.class).get();
    }
    return authorizer;
  }

  private DeploymentTraffic traffic() {
    if (traffic == null) {
      traffic = CDI.current().select(DeploymentTraffic.class).get();
    }
    return traffic;
  }

  private static Optional<UserProfile> signedIn(HttpServerExchange exchange) {
    ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
    return servlet == null ? Optional.empty() : CurrentUser.of(servlet.getServletRequest());
  }

  private static void withoutSessionCookie(HttpServerExchange exchange) {
    String cookies = exchange.getRequestHeaders().getFirst(Headers.COOKIE);
    if (cookies == null) {
      return;
    }
    String kept = Arrays.stream(cookies.split(";")).map(String::strip).filter(c -> !c.startsWith(SESSION_COOKIE + "=")).collect(Collectors.joining("; "));
    if (kept.isEmpty()) {
      exchange.getRequestHeaders().remove(Headers.COOKIE);
    } else {
      exchange.getRequestHeaders().put(Headers.COOKIE, kept);
    }
  }

  private Backend proxy(AppRoute.Backend target) {
    return backends.compute(target.versionId(), (id, known) -> {
      if (known != null && known.port() == target.port()) {
        return known;
      }
      LoadBalancingProxyClient client = new LoadBalancingProxyClient().setConnectionsPerThread(20).setSoftMaxConnectionsPerThread(10).setTtl(60_000);
      client.addHost(URI.create("http://" + target.host() + ":" + target.port()));
      ProxyHandler handler = ProxyHandler.builder().setProxyClient(client).setMaxRequestTime(-1).setRewriteHostHeader(false).setReuseXForwarded(false).build();
      return new Backend(target.port(), handler);
    });
  }

  private static boolean wantsHtml(HttpServerExchange exchange) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(Headers.ACCEPT)).map(a -> a.contains("text/html")).orElse(false);
  }

  private static void redirect(HttpServerExchange exchange, String location) {
    exchange.setStatusCode(StatusCodes.FOUND);
    exchange.getResponseHeaders().put(Headers.LOCATION, location);
    exchange.endExchange();
  }

  private static void refuse(HttpServerExchange exchange, int status, String message) {
    exchange.setStatusCode(status);
    if (wantsHtml(exchange)) {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html;charset=UTF-8");
      exchange.getResponseSender().send("<!DOCTYPE html><html><head><title>Tessera</title></head><body><h1>" + StatusCodes.getReason(status) + "</h1><p id=\"reason\">"
          + org.tessera.shared.web.Html.escape(message) + "</p><p><a href=\"/deployments.xhtml\">Deployments</a></p></body></html>", StandardCharsets.UTF_8);
    } else {
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
      exchange.getResponseSender().send("{\"type\":\"urn:tessera:problem:deployment-" + status + "\",\"title\":\"" + StatusCodes.getReason(status) + "\",\"status\":" + status
          + ",\"detail\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}", StandardCharsets.UTF_8);
    }
  }
}
