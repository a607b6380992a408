package de.kundenpuls.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "96385074", "036000291452", "4000417025005", "0012345678905"})
    void acceptsValidEan13Ean8AndUpcA(String code) {
        assertThat(Gtin.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "96385075", "036000291453"})
    void rejectsWrongCheckDigit(String code) {
        assertThatThrownBy(() -> Gtin.of(code))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "123456789", "12345678901234", "40063813339A1", "4006381 33931"})
    void rejectsWrongLengthOrNonDigits(String code) {
        assertThatThrownBy(() -> Gtin.of(code)).isInstanceOf(InvalidFieldException.class)
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("gtin"));
    }

    @Test
    void computesTheCheckDigitOfEveryLength() {
        assertThat(Gtin.withCheckDigit("400638133393").value()).isEqualTo("4006381333931");
        assertThat(Gtin.withCheckDigit("9638507").value()).isEqualTo("96385074");
        assertThat(Gtin.withCheckDigit("03600029145").value()).isEqualTo("036000291452");
    }

    @Test
    void checkDigitIsRightForEveryPayloadOfAFamily() {
        // Changing any single digit of a valid code must invalidate it (GS1 detects all single errors).
        String valid = "4006381333931";
        for (int pos = 0; pos < valid.length(); pos++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == valid.charAt(pos)) {
                    continue;
                }
                String changed = valid.substring(0, pos) + d + valid.substring(pos + 1);
                assertThat(Gtin.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void trimsTypedInputButNotInnerSpaces() {
        assertThat(Gtin.of(" 4006381333931 ").value()).isEqualTo("4006381333931");
    }
}
