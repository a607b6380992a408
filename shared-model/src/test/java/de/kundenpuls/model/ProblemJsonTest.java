package de.kundenpuls.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import de.kundenpuls.model.client.KundenpulsClient;
import org.junit.jupiter.api.Test;

/** Pins the JSON form of the contract's core types, which the server and the app both read. */
class ProblemJsonTest {

    @Test
    void problemSerializesRfc9457MembersAndOmitsEmptyOnes() throws Exception {
        Problem p = new Problem("about:blank", "Invalid request", 400, "must be between 1 and 5", "/api/x", "items[0].rating", null);
        String json = KundenpulsClient.mapper().writeValueAsString(p);
        assertThat(json).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"must be between 1 and 5\",\"instance\":\"/api/x\",\"field\":\"items[0].rating\"}");
        Problem back = KundenpulsClient.mapper().readValue(json, Problem.class);
        assertThat(back).isEqualTo(p);
    }

    @Test
    void problemWithSeveralFieldErrorsRoundTrips() throws Exception {
        Problem p = new Problem("about:blank", "Invalid request", 400, "2 fields are wrong", null, null,
                List.of(new Problem.FieldError("a", "x"), new Problem.FieldError("b", "y")));
        Problem back = KundenpulsClient.mapper().readValue(KundenpulsClient.mapper().writeValueAsString(p), Problem.class);
        assertThat(back.errors()).extracting(Problem.FieldError::field).containsExactly("a", "b");
    }

    @Test
    void gtinIsAPlainJsonString() throws Exception {
        assertThat(KundenpulsClient.mapper().writeValueAsString(Gtin.of("96385074"))).isEqualTo("\"96385074\"");
        assertThat(KundenpulsClient.mapper().readValue("\"96385074\"", Gtin.class)).isEqualTo(Gtin.of("96385074"));
    }

    @Test
    void moneyKeepsTwoDecimals() throws Exception {
        String json = KundenpulsClient.mapper().writeValueAsString(Money.eur("2.5"));
        assertThat(json).isEqualTo("{\"amount\":2.50,\"currency\":\"EUR\"}");
    }
}
