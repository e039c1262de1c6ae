package org.tessera.cli.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-process HTTP server on 127.0.0.1 standing in for Tessera and Keycloak in tests: each path
 * answers from a script of replies (the last one repeats) or a handler, and every request is recorded.
 */
public final class StubHttpServer implements AutoCloseable {

    /** A request as the stub saw it. */
    public record Request(String method, String path, Map<String, String> headers, String body, String query) {

        /** The body read as {@code application/x-www-form-urlencoded}. */
        public Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            if (body.isEmpty()) {
                return form;
            }
            for (String pair : body.split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
            return form;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    /** What a path answers. */
    public record Reply(int status, String contentType, String body) {

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        public static Reply problem(int status, String body) {
            return new Reply(status, "application/problem+json", body);
        }

        /** An RFC 6749 error answer from a token endpoint. */
        public static Reply oauthError(String error) {
            return json(400, "{\"error\":\"" + error + "\",\"error_description\":\"" + error + " from the stub\"}");
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private StubHttpServer(HttpServer server) {
        this.server = server;
    }

    public static StubHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubHttpServer stub = new StubHttpServer(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public StubHttpServer on(String path, Function<Request, Reply> handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Answers {@code path} with {@code replies} in order, repeating the last one. */
    public StubHttpServer replies(String path, Reply... replies) {
        Deque<Reply> script = new ArrayDeque<>(List.of(replies));
        return on(path, request -> script.size() > 1 ? script.poll() : script.peek());
    }

    public List<Request> requests(String path) {
        List<Request> matching = new ArrayList<>();
        for (Request request : requests) {
            if (request.path().equals(path)) {
                matching.add(request);
            }
        }
        return matching;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body, exchange.getRequestURI().getQuery());
            requests.add(request);
            Function<Request, Reply> handler = handlers.get(request.path());
            Reply reply = handler != null
                    ? handler.apply(request)
                    : Reply.problem(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"The stub has no " + request.path() + ".\"}");
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
