package io.quarterdeck.adapters.rest.healthmonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarterdeck.adapters.rest.spine.JsonbConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streamed error envelope must be byte for byte what JSON-B writes for the same envelope. */
class EnvelopeWriterTest {
    static Stream<ErrorDto> errors() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", "last key first");
        nested.put("alpha", new BigDecimal("12345"));
        nested.put("ratio", new BigDecimal("0.50"));
        nested.put("big", new BigDecimal("1E+3"));
        nested.put("negative", new BigDecimal("-7.25"));
        nested.put("flag", Boolean.TRUE);
        nested.put("nothing", null);
        nested.put("list", new ArrayList<>(Arrays.asList("a", null, new BigDecimal("2"), false,
                Map.of("deep", List.of()))));
        nested.put("empty", Map.of());
        nested.put("unicode \u00e9\u2603\ud83d\ude80", "quote \" backslash \\ tab \t newline \n nul \u0000 bell \u0007");
        return Stream.of(
                new ErrorDto("6b0810f6-0c99-4a91-bb9e-1072bcee6c23", "2025-01-20T10:30:00.123Z", "error",
                        "User 123 not found", "Error: x\n    at f (app.js:1:1)", nested, "backend", "production",
                        "curl/8.0", "10.0.0.7", "https://example.test/p?q=1", "3aa0a0c07d3046e38c9c138d3a194c0d",
                        true, true, Long.MAX_VALUE, "2025-01-20T10:30:00Z", "2025-01-20T10:30:00.123Z",
                        "2025-01-20T10:30:00Z", "2025-01-21T00:00:00.001Z", 1),
                new ErrorDto("id-2", "2025-01-20T10:30:00Z", "info", "only required fields", null, Map.of(), null,
                        null, null, null, null, "f", false, false, 1, "2025-01-20T10:30:00Z", "2025-01-20T10:30:00Z",
                        "2025-01-20T10:30:00Z", "2025-01-20T10:30:00Z", 2),
                new ErrorDto("id-3", null, "debug", "", null, null, null, null, null, null, null, null, false, true, 0,
                        null, null, null, null, 0));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void an_error_envelope_is_written_as_json_b_writes_it(ErrorDto error) throws IOException {
        Envelope<ErrorDto> envelope = Envelope.success(error);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EnvelopeWriter.write(envelope, out);

        assertEquals(JsonbConfiguration.shared().toJson(envelope), out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void other_envelopes_go_to_json_b(ErrorDto error) throws IOException {
        Envelope<BatchDto> envelope = Envelope.success(new BatchDto(List.of(new BatchResultDto(0, 201, error, null),
                new BatchResultDto(1, 400, null, "Invalid level: unknown")), 1, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        EnvelopeWriter.write(envelope, out);

        assertEquals(JsonbConfiguration.shared().toJson(envelope), out.toString(StandardCharsets.UTF_8));
    }
}
