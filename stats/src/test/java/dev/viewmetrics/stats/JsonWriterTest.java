package dev.viewmetrics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written JSON is valid for a real parser and gives back exactly what was written. */
class JsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"plain", "quote \" and backslash \\", "new\nline\r\ttab\b\f", "\u0000\u001f\u007f",
        "</script><script>alert(1)</script>", "a & b > c", "line\u2028separator\u2029", "emoji \uD83D\uDE00",
        "lone \uD800 high", "lone \uDC00 low", "ends with high \uD83D", "{\"json\":[1,2]}", "é日本"})
    void anyStringComesBackAsWritten(String text) throws Exception {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out, false).beginObject().member(text, text).endObject();

        JsonNode parsed = JSON.readTree(out.toString());

        assertThat(out.toString()).doesNotContain("<", ">", "&", "\u2028").doesNotContainPattern("[\\x00-\\x1f]");
        assertThat(parsed.get(text).asText()).isEqualTo(text);
    }

    @Test
    void loneSurrogatesAreEscapedSoTheOutputIsValidUtf8() {
        StringBuilder out = new StringBuilder();
        JsonWriter.string(out, "a\uD800b\uDC00c");
        assertThat(out.toString()).isEqualTo("\"a\\ud800b\\udc00c\"");
    }

    @Test
    void numbersJsonCannotHoldAreNull() throws Exception {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out, false).beginArray().value(Double.NaN).value(Double.POSITIVE_INFINITY).value(3.0)
                .value(0.25).value(1e-7).value(12345678901L).endArray();

        assertThat(out.toString()).isEqualTo("[null,null,3,0.25,1.0E-7,12345678901]");
        assertThat(JSON.readTree(out.toString()).get(4).asDouble()).isEqualTo(1e-7);
    }

    @Test
    void prettyAndCompactAreTheSameDocument() throws Exception {
        StringBuilder compact = new StringBuilder();
        StringBuilder pretty = new StringBuilder();
        for (JsonWriter json : new JsonWriter[] {new JsonWriter(compact, false), new JsonWriter(pretty, true)}) {
            json.beginObject().member("a", 1).name("empty").beginObject().endObject().name("list").beginArray()
                    .value("x").beginObject().member("b", "c").endObject().beginArray().endArray().endArray()
                    .endObject();
        }

        assertThat(compact.toString()).isEqualTo("{\"a\":1,\"empty\":{},\"list\":[\"x\",{\"b\":\"c\"},[]]}");
        assertThat(pretty.toString()).isEqualTo(String.join("\n", "{", "  \"a\": 1,", "  \"empty\": {},",
                "  \"list\": [", "    \"x\",", "    {", "      \"b\": \"c\"", "    },", "    []", "  ]", "}", ""));
        assertThat(JSON.readTree(pretty.toString())).isEqualTo(JSON.readTree(compact.toString()));
    }
}
