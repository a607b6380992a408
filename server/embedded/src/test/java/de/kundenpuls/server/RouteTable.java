package de.kundenpuls.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import de.kundenpuls.server.auth.Access;
import de.kundenpuls.server.auth.Role;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;

/**
 * The server's routes read back from its routing: {@link KundenpulsServer#routing} runs against a
 * recording stand-in of Helidon's routing builder, and every route of a Kundenpuls service is
 * noted with who may call it ({@link Access.Guarded}). Static content (the console's files) is not
 * an API and is left out.
 */
public final class RouteTable {

    private RouteTable() {
    }

    /**
     * One route.
     *
     * @param method HTTP method, upper case
     * @param path   the path pattern, e.g. {@code /api/cases/{id}/take}
     * @param roles  who may call it: empty for a public route; null when the handler does not
     *               state it (a plain Helidon handler)
     */
    public record Route(String method, String path, Set<Role> roles) {
        /** @return whether the route's handler states its access */
        public boolean guarded() {
            return roles != null;
        }
    }

    /**
     * @param server a running server
     * @return its routes, in registration order
     */
    public static List<Route> of(KundenpulsServer server) {
        List<Route> routes = new ArrayList<>();
        KundenpulsServer.routing(recorder("", routes), server.features(), server.storage());
        return routes;
    }

    private static HttpRouting.Builder recorder(String prefix, List<Route> routes) {
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                String name = method.getName();
                Object[] a = args == null ? new Object[0] : args;
                switch (name) {
                    case "get", "post", "put", "delete", "patch", "head", "options", "trace" -> {
                        if (a.length > 0 && a[0] instanceof String path) {
                            for (Object h : handlers(a)) {
                                routes.add(new Route(name.toUpperCase(Locale.ROOT), join(prefix, path), roles((Handler) h)));
                            }
                        }
                    }
                    case "register" -> {
                        String at = a.length > 0 && a[0] instanceof String p ? join(prefix, p) : prefix;
                        for (Object service : services(a)) {
                            if (service.getClass().getName().startsWith("de.kundenpuls.")) {
                                ((HttpService) service).routing(recorder(at, routes));
                            }
                        }
                    }
                    default -> {
                        // Filters, error handlers, fallbacks: not routes of their own.
                    }
                }
                return method.getReturnType().isInstance(proxy) ? proxy : defaultValue(method.getReturnType());
            }
        };
        return (HttpRouting.Builder) Proxy.newProxyInstance(RouteTable.class.getClassLoader(),
                new Class<?>[] {HttpRouting.Builder.class}, handler);
    }

    private static List<Object> handlers(Object[] a) {
        List<Object> found = new ArrayList<>();
        for (int i = 1; i < a.length; i++) {
            if (a[i] instanceof Handler h) {
                found.add(h);
            } else if (a[i] instanceof Handler[] many) {
                found.addAll(List.of(many));
            }
        }
        return found;
    }

    private static List<Object> services(Object[] a) {
        List<Object> found = new ArrayList<>();
        for (Object o : a) {
            if (o instanceof HttpService s) {
                found.add(s);
            } else if (o instanceof HttpService[] many) {
                found.addAll(List.of(many));
            } else if (o instanceof Supplier<?>[] suppliers) {
                for (Supplier<?> s : suppliers) {
                    found.add(s.get());
                }
            } else if (o instanceof Supplier<?> s) {
                found.add(s.get());
            }
        }
        return found;
    }

    private static Set<Role> roles(Handler h) {
        return h instanceof Access.Guarded guarded ? guarded.roles() : null;
    }

    private static String join(String prefix, String path) {
        if (path.equals("/") || path.isEmpty()) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        return prefix + path;
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type.isPrimitive() && type != void.class) {
            return 0;
        }
        return Optional.class.equals(type) ? Optional.empty() : null;
    }
}
