package io.beacon.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KoreanParticlesTest {

    @Test
    void hangulChoosesByTheFinalConsonant() {
        assertEquals("담당자를 지정", KoreanParticles.format("{who}{을/를} 지정", Map.of("who", "담당자")));
        assertEquals("그룹을 지정", KoreanParticles.format("{who}{을/를} 지정", Map.of("who", "그룹")));
        assertEquals("상태가", KoreanParticles.format("{x}{이/가}", Map.of("x", "상태")));
        assertEquals("우선순위는", KoreanParticles.format("{x}{은/는}", Map.of("x", "우선순위")));
        assertEquals("경보와", KoreanParticles.format("{x}{과/와}", Map.of("x", "경보")));
        assertEquals("사건과", KoreanParticles.format("{x}{과/와}", Map.of("x", "사건")));
        assertEquals("진행 중으로 변경", KoreanParticles.format("{to}{으로/로} 변경", Map.of("to", "진행 중")));
        assertEquals("해결로 변경", KoreanParticles.format("{to}{으로/로} 변경", Map.of("to", "해결")));
        assertEquals("보류로 변경", KoreanParticles.format("{to}{으로/로} 변경", Map.of("to", "보류")));
    }

    @Test
    void rieulTakesRoButEul() {
        assertEquals("로", KoreanParticles.particle("으로/로", "메일"));
        assertEquals("을", KoreanParticles.particle("을/를", "메일"));
        assertEquals("이", KoreanParticles.particle("이/가", "메일"));
    }

    @Test
    void digitsGoByTheirKoreanReading() {
        assertEquals("INC-1을", "INC-1" + KoreanParticles.particle("을/를", "INC-1"));
        assertEquals("로", KoreanParticles.particle("으로/로", "INC-1"));   // 일
        assertEquals("를", KoreanParticles.particle("을/를", "CHG-2"));      // 이
        assertEquals("으로", KoreanParticles.particle("으로/로", "상태 503")); // 삼
        assertEquals("가", KoreanParticles.particle("이/가", "9"));          // 구
        assertEquals("이", KoreanParticles.particle("이/가", "10"));         // 영
        assertEquals("로", KoreanParticles.particle("으로/로", "8"));        // 팔
    }

    @Test
    void latinLettersGoByTheEnglishEnding() {
        assertEquals("을", KoreanParticles.particle("을/를", "core-sw-01 (alarm)".replace("01", "team")));
        assertEquals("를", KoreanParticles.particle("을/를", "agent"));
        assertEquals("로", KoreanParticles.particle("으로/로", "mail"));
        assertEquals("은", KoreanParticles.particle("은/는", "admin"));
        assertEquals("가", KoreanParticles.particle("이/가", "router"));
    }

    @Test
    void closingPunctuationIsSkippedAndNothingBeforeGivesBoth() {
        assertEquals("를", KoreanParticles.particle("을/를", "'상태'"));
        assertEquals("을", KoreanParticles.particle("을/를", "(사건)"));
        assertEquals("을(를)", KoreanParticles.particle("을/를", ""));
        assertEquals("이(가)", KoreanParticles.particle("이/가", "—"));
    }

    @Test
    void unknownNamesStayAndOtherBracesAreKept() {
        assertEquals("{missing}를", KoreanParticles.format("{missing}{을/를}", Map.of()));
    }

    @Test
    void argumentsRoundTripThroughJson() {
        SystemText t = SystemText.of("sys.test", "text", "a", "줄\n\"따옴표\" \\ 끝", "b", 7, "c", null);
        assertEquals(Map.of("a", "줄\n\"따옴표\" \\ 끝", "b", "7", "c", ""), SystemText.parseArgs(t.argsJson()));
        assertEquals(Map.of(), SystemText.parseArgs("{}"));
        assertEquals(Map.of(), SystemText.parseArgs(null));
    }
}
