package io.quarterdeck.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void a_line_is_stripped_and_keeps_letters_of_any_script() {
        assertEquals("Zo\u00eb \ud83d\ude00 \u6771\u4eac", Text.line("name", "  Zo\u00eb \ud83d\ude00 \u6771\u4eac ", 200));
    }

    @Test
    void control_characters_unpaired_surrogates_empty_and_long_values_are_refused_naming_the_field() {
        for (String v : new String[] {"a\u0000b", "a\nb", "a\rb", "a\u007fb", "a\u0085b", "a\ud800b", "\udc00", "", "  ",
                "x".repeat(201)}) {
            assertEquals("name", assertThrows(InvalidFieldException.class, () -> Text.line("name", v, 200), v).field());
        }
    }
}
