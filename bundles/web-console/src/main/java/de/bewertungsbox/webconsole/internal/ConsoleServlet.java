package de.bewertungsbox.webconsole.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the web console's static files (HTML, CSS, JavaScript modules in {@code /console} of this bundle) at
 * {@code /bewertungsbox/}. The pages log in against the REST API themselves; this servlet only hands out files,
 * with a strict Content-Security-Policy (same origin only, no inline script). Stateless, thread-safe.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("bewertungsbox-console")
@HttpWhiteboardServletPattern({"/bewertungsbox", "/bewertungsbox/*"})
public class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "json", "application/json");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        if ("/".equals(path)) {
            path = "/index.html";
        }
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        URL file = path.contains("..") || path.contains("//") || type == null ? null
                : ConsoleServlet.class.getResource("/console" + path);
        if (file == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        try (InputStream in = file.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
