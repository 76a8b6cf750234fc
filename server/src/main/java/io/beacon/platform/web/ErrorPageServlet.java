package io.beacon.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's error page for everything the container answers itself (a missing file, a
 * method the console's files do not take, an exception outside the REST API): a problem body in
 * place of Liberty's page, which names its message ids, classes and file paths. A failure is
 * logged under an incident id that the answer names.
 */
public class ErrorPageServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer i && i >= 400 ? i : failure != null ? 500 : 404;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri == null ? null : RequestLineFilter.encode(uri.toString());
        if (status == 500 && failure != null && failure.getCause() instanceof java.io.FileNotFoundException) {
            status = 404; // the file servlet reports a missing file as an exception
        }
        String detail;
        if (status >= 500) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure " + incident + " at " + instance, failure);
            detail = "an unexpected error occurred; the server log has the details under " + incident;
        } else {
            detail = StatusTexts.detail(status, request.getMethod()); // an error dispatch keeps the method
        }
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        SecurityHeadersFilter.apply(response);
        ProblemBody.write(response, status, StatusTexts.title(status), status >= 500 ? "internal" : "http-" + status,
                detail, instance);
    }
}
