package io.beacon.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void everyBidiControlIsStrippedAndOtherTextStays() {
        String all = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
        assertThat(BidiControls.strip("a" + all + "장애.txt")).isEqualTo("a장애.txt");
        assertThat(BidiControls.strip("مرحبا \u200D")).isEqualTo("مرحبا \u200D");
        assertThat(BidiControls.strip(null)).isNull();
    }

    @Test
    void aPageWhoseOffsetWouldOverflowIsABadParameter() {
        assertThat(new PageRequest(2_147_483, 1000).offset()).isEqualTo(2_147_483_000);
        assertThatThrownBy(() -> new PageRequest(2_147_484, 1000)).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("page");
        assertThatThrownBy(() -> PageRequest.of(0, -1)).isInstanceOf(BadParameterException.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> PageRequest.of(-1, 10)).isInstanceOf(BadParameterException.class);
    }
}
