package io.quarterdeck.domain.errors.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonFramesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "File \"/srv/app/orders/service.py\", line 42, in place_order                   | service.py:place_order | true",
        "File \"/home/deploy/releases/20250120/orders/service.py\", line 45, in place_order | service.py:place_order | true",
        "File \"C:\\Users\\dev\\proj\\orders\\service.py\", line 42, in place_order      | service.py:place_order | true",
        "File \"<stdin>\", line 1, in <module>                                            | <stdin>:<module> | true",
        "File \"/srv/app/manage.py\", line 22, in <lambda>                                | manage.py:<lambda> | true",
        "File \"/srv/app/.venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py\", line 1965, in _exec_single_context | sqlalchemy/engine/base.py:_exec_single_context | false",
        "File \"/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py\", line 1970, in _exec_single_context | sqlalchemy/engine/base.py:_exec_single_context | false",
        "File \"/usr/lib/python3/dist-packages/requests/api.py\", line 59, in request     | requests/api.py:request | false",
        "File \"C:\\Python311\\Lib\\site-packages\\requests\\api.py\", line 59, in request | requests/api.py:request | false",
        "File \"/usr/lib/python3.11/json/decoder.py\", line 355, in raw_decode            | json/decoder.py:raw_decode | false",
        "File \"C:\\Program Files\\Python311\\Lib\\json\\decoder.py\", line 355, in raw_decode | json/decoder.py:raw_decode | false",
        "File \"<frozen importlib._bootstrap>\", line 1204, in _gcd_import                | <frozen importlib._bootstrap>:_gcd_import | false",
        "File \"<string>\", line 2, in commit                                             | <string>:commit | false",
        "File \"/srv/app/orders/broken.py\", line 3                                       | broken.py:<unknown> | true"})
    void frame_lines_parse_to_identity_and_origin(String line, String identity, boolean inApp) {
        assertEquals(new Frame(identity, inApp), PythonFrames.parseLine(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Traceback (most recent call last):",
        "order = service.place_order(payload)",
        "^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "ValueError: invalid literal for int() with base 10: 'x'",
        "File \"/srv/app/x.py\", line x, in f",
        "File \"/srv/app/x.py\""})
    void other_lines_are_no_python_frames(String line) {
        assertNull(PythonFrames.parseLine(line));
    }
}
