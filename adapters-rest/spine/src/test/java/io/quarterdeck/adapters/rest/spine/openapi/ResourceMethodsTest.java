package io.quarterdeck.adapters.rest.spine.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

class ResourceMethodsTest {
    @Path("/things")
    public static class Things {
        @GET
        public String list() {
            return "";
        }

        /** Not a resource method: same name pattern, no HTTP method annotation. */
        public String helper() {
            return "";
        }
    }

    record Sample(String fullName, boolean isActive, int groupingVersion, String id) {
    }

    private static final String THINGS = Things.class.getName();

    @Test
    void an_operation_id_names_its_resource_method() throws Exception {
        assertEquals(Things.class.getMethod("list"), ResourceMethods.find(THINGS + "_list"));
    }

    @Test
    void ids_that_name_no_resource_method_find_nothing() {
        assertNull(ResourceMethods.find(null));
        assertNull(ResourceMethods.find("list"));
        assertNull(ResourceMethods.find("Things_list"), "a class name without its package");
        assertNull(ResourceMethods.find(THINGS + "_helper"), "a method without an HTTP method annotation");
        assertNull(ResourceMethods.find(THINGS + "_missing"));
        assertNull(ResourceMethods.find("io.quarterdeck.NoSuchClass_list"));
    }

    @Test
    void record_components_are_named_as_json_b_writes_them() {
        RecordComponent[] c = Sample.class.getRecordComponents();
        assertEquals("full_name", TypeSchemas.jsonName(c[0]));
        assertEquals("is_active", TypeSchemas.jsonName(c[1]));
        assertEquals("grouping_version", TypeSchemas.jsonName(c[2]));
        assertEquals("id", TypeSchemas.jsonName(c[3]));
    }
}
