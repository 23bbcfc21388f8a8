package io.quarterdeck.adapters.rest.spine.openapi;

import io.quarterdeck.adapters.rest.spine.ratelimit.RateLimited;
import io.quarterdeck.adapters.rest.spine.security.PublicEndpoint;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The refusals an operation can answer, each with its surface's error schema. What applies is read from the resource
 * method: credentials unless it is {@link PublicEndpoint}, a rate limit unless its plan is {@code NONE}, a body's
 * limits when it takes one, 404 when the path names something. An operation whose method is unknown gets them all.
 */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static void document(Operation op, String path, Method method, String errorRef) {
        if (op.getResponses() == null) {
            op.responses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        for (Map.Entry<String, String> e : statuses(op, path, method).entrySet()) {
            if (responses.getAPIResponses() != null && responses.getAPIResponses().containsKey(e.getKey())) {
                continue;
            }
            responses.addAPIResponse(e.getKey(), OASFactory.createAPIResponse().description(e.getValue())
                    .content(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(errorRef)))));
        }
    }

    static Map<String, String> statuses(Operation op, String path, Method method) {
        boolean body = op.getRequestBody() != null;
        boolean parameters = op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() != Parameter.In.PATH);
        Map<String, String> out = new LinkedHashMap<>();
        if (body || parameters) {
            out.put("400", "A parameter or body field is invalid; the error names it");
        }
        if (!isPublic(method)) {
            out.put("401", "Missing, invalid or expired credentials");
            out.put("403", "The caller's role or scopes do not allow this");
        }
        if (path.contains("{")) {
            out.put("404", "Nothing with this id");
        }
        out.put("406", "The Accept header allows no JSON answer");
        if (body) {
            out.put("413", "The body is larger than the limit");
            out.put("415", "The body's media type is not one this operation reads");
        }
        RateLimited limit = method == null ? null : declared(method, RateLimited.class);
        if (limit == null || limit.value() != RateLimited.Plan.NONE) {
            out.put("429", "Too many requests; Retry-After says when to try again");
        }
        out.put("default", "Any other error, in the same shape");
        return out;
    }

    /** Whether anyone may call the method; an unknown method is taken as protected. */
    static boolean isPublic(Method method) {
        return method != null && declared(method, PublicEndpoint.class) != null;
    }

    private static <A extends Annotation> A declared(Method m, Class<A> annotation) {
        A onMethod = m.getAnnotation(annotation);
        return onMethod != null ? onMethod : m.getDeclaringClass().getAnnotation(annotation);
    }
}
