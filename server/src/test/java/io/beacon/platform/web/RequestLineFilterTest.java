package io.beacon.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestLineFilterTest {

    @Test
    void rawUtf8BytesReadAsLatin1AreEncodedAsTheClientMeantThem() {
        String asLiberty = new String("q=장애&sort=priority".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(RequestLineFilter.encode(asLiberty)).isEqualTo("q=%EC%9E%A5%EC%95%A0&sort=priority");
    }

    @Test
    void anEncodedOrPlainQueryIsLeftAsItIs() {
        assertThat(RequestLineFilter.encode("q=%EC%9E%A5&x=a+b")).isEqualTo("q=%EC%9E%A5&x=a+b");
        assertThat(RequestLineFilter.encode(null)).isNull();
        assertThat(RequestLineFilter.encode("q=a|b c")).isEqualTo("q=a%7Cb%20c");
    }
}
