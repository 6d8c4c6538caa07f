package io.autogpt.seed.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void keysAreSortedWhateverTheInsertionOrder() {
        assertThat(Json.obj("b", 1, "a", List.of(true, "x")).text()).isEqualTo("{\"a\":[true,\"x\"],\"b\":1}");
        assertThat(Json.of(Map.of("z", 1, "y", 2)).text()).isEqualTo("{\"y\":2,\"z\":1}");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(Json.of("a\"b\\c\nd\u0001").text()).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void wholeDoublesPrintWithoutAFraction() {
        assertThat(Json.obj("a", 2.0, "b", 2.5).text()).isEqualTo("{\"a\":2,\"b\":2.5}");
    }
}
