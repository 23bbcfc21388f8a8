package io.quarterdeck.adapters.rest.spine.body;

import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Parses a JSON request body strictly: the bytes decoded in the charset {@link BodyCharset} decides (malformed bytes
 * refused, not replaced), one value and nothing after it but whitespace, nesting at most {@value #MAX_DEPTH} deep.
 * Every failure, whatever the parser throws, is a 400 naming {@code body}.
 */
public final class JsonBodies {
    /** Deeper than any body the contracts define (error contexts are cut at depth 8 further in). */
    public static final int MAX_DEPTH = 64;
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBodies() {
    }

    public static JsonValue parse(byte[] bytes, MediaType type) {
        return parse(decode(bytes, BodyCharset.of(type)));
    }

    /** The text of a body; bytes that are not valid in the charset are a 400. */
    static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("body", "is not valid " + charset.name());
        }
    }

    public static JsonValue parse(String text) {
        if (text.isBlank()) {
            throw new InvalidFieldException("body", "is empty; a JSON value is required");
        }
        checkDepth(text);
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new InvalidFieldException("body", "has content after the JSON value");
            }
            return value;
        } catch (InvalidFieldException e) {
            throw e;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new InvalidFieldException("body", "is not valid JSON");
        } catch (RuntimeException e) {
            // Parsers report some limits (such as nesting) with plain runtime exceptions.
            throw new InvalidFieldException("body", "is not valid JSON");
        }
    }

    /** Brackets outside strings, counted before the parser sees the text, so no parser limit decides the answer. */
    private static void checkDepth(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new InvalidFieldException("body", "is nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }
}
