package io.quarterdeck.adapters.rest.spine.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormReaderTest {
    @Test
    void fields_are_decoded_with_repeats_and_empty_values() {
        MultivaluedMap<String, String> form = FormReader.parse("username=ann+lee&password=p%26w%3D&scope=a&scope=b&flag",
                StandardCharsets.UTF_8);
        assertEquals("ann lee", form.getFirst("username"));
        assertEquals("p&w=", form.getFirst("password"));
        assertEquals(List.of("a", "b"), form.get("scope"));
        assertEquals("", form.getFirst("flag"));
    }

    @Test
    void a_bad_percent_escape_is_a_400_naming_body() {
        for (String text : new String[] {"username=%zz", "password=%", "a%e=1", "x=%G0"}) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class,
                    () -> FormReader.parse(text, StandardCharsets.UTF_8), text);
            assertEquals("body", e.field());
        }
    }
}
