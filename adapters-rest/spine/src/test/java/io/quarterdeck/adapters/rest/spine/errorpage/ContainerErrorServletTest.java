package io.quarterdeck.adapters.rest.spine.errorpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class ContainerErrorServletTest {
    @Test
    void a_failure_keeps_the_status_it_names_and_a_parse_failure_is_the_requests_fault() {
        assertEquals(400, ContainerErrorServlet.statusOf(new ServletException(new IllegalArgumentException("bad header"))));
        assertEquals(500, ContainerErrorServlet.statusOf(new ServletException(new IllegalStateException("bug"))));
    }

    @Test
    void a_500_names_the_request_id_and_nothing_internal() {
        String m = ContainerErrorServlet.message(500, "req-1");
        assertEquals("Internal server error (request id req-1)", m);
        assertFalse(ContainerErrorServlet.message(404, "x").contains("Exception"));
    }
}
