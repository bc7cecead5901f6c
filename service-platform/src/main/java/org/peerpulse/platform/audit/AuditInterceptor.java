package org.peerpulse.platform.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One audit record per answered request to an {@link Audited} handler, and one {@code access.denied} record
 * per 403 any handler answers (a role check in a controller, a token without an agency, the page's refusal),
 * naming what was tried. Written after completion, so the status is the one the caller got. What is kept of
 * the request: the path variables by name and the {@link #QUERY_PARAMETERS} present, each only if it has the
 * shape of an id or a date, and never one called a token (the participant form's path); never a body, a header
 * or any other parameter.
 */
class AuditInterceptor implements HandlerInterceptor {

    static final String ACCESS_DENIED = "access.denied";

    /** Query parameters that say which slice of data was read, and nothing about a person. */
    static final Set<String> QUERY_PARAMETERS = Set.of("from", "to", "granularity", "state", "program", "programId",
            "specialistId", "page", "size", "action");

    private final AuditTrail trail;

    AuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (request.getDispatcherType() == DispatcherType.ERROR || !(handler instanceof HandlerMethod method)) {
            return;
        }
        Audited audited = method.getMethodAnnotation(Audited.class);
        int status = ex != null && response.getStatus() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR.value()
                : response.getStatus();
        boolean denied = status == HttpStatus.FORBIDDEN.value();
        if (audited == null && !denied) {
            return;
        }
        Map<String, String> target = target(request);
        String action = audited == null ? ACCESS_DENIED : audited.value();
        if (denied && audited != null) {
            target.put("attempted", audited.value());
            action = ACCESS_DENIED;
        }
        trail.record(AuditTrail.Actor.of(SecurityContextHolder.getContext().getAuthentication()), action, target,
                status, null);
    }

    private static Map<String, String> target(HttpServletRequest request) {
        Map<String, String> target = new LinkedHashMap<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> put(target, String.valueOf(name), String.valueOf(value)));
        }
        for (String name : QUERY_PARAMETERS) {
            put(target, name, request.getParameter(name));
        }
        return target;
    }

    private static void put(Map<String, String> target, String name, String value) {
        String kept = AuditTrail.name(value);
        if (kept != null && AuditTrail.name(name) != null && !name.toLowerCase(java.util.Locale.ROOT).contains("token")) {
            target.put(name, kept);
        }
    }
}
