package io.beacon.event.ingest.domain;
import io.beacon.event.domain.CiClue;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.domain.Texts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Normalises Alertmanager alerts and generic JSON events. An Alertmanager alert is one alarm per
 * fingerprint (the hash of its label set); one occurrence is fingerprint + startsAt, so that the
 * at-least-once redeliveries count once. Its CI clues: the host part of the {@code instance}
 * label, then the usual host name labels ({@link Attribution} finds the CI).
 */
public final class AlertNormaliser {
    private static final List<String> HOST_LABELS = List.of("hostname", "host", "nodename", "node", "server", "device");

    private final Severity defaultSeverity;

    public AlertNormaliser(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    public NormalisedEvent alert(AlertmanagerAlert a, Instant now) {
        Map<String, String> labels = a.labels();
        boolean resolved = "resolved".equalsIgnoreCase(a.status());
        String name = labels.getOrDefault("alertname", "alert");
        Severity severity = resolved ? Severity.CLEARED
                : Optional.ofNullable(Severity.parse(labels.get("severity"))).orElse(defaultSeverity);
        String instanceHost = hostPart(labels.get("instance"));
        List<CiClue> clues = new ArrayList<>(HOST_LABELS.size() + 2);
        clues.add(CiClue.host("instance", instanceHost));
        for (String label : HOST_LABELS) {
            clues.add(CiClue.host(label, labels.get(label)));
        }
        clues.add(CiClue.host("ci", labels.get("ci")));
        String fingerprint = a.fingerprint() != null && !a.fingerprint().isBlank() ? a.fingerprint().trim()
                : fingerprintOf(labels);
        Map<String, String> annotations = a.annotations();
        String message = firstNonBlank(annotations.get("summary"), annotations.get("description"),
                annotations.get("message"), name);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("fingerprint", fingerprint);
        attributes.put("startsAt", a.startsAt());
        if (a.endsAt() != null) {
            attributes.put("endsAt", a.endsAt());
        }
        if (a.generatorUrl() != null) {
            attributes.put("generatorURL", Texts.cut(a.generatorUrl(), 500));
        }
        new TreeMap<>(labels).forEach((k, v) -> attributes.put("label." + k, Texts.cut(v, 500)));
        new TreeMap<>(annotations).forEach((k, v) -> attributes.put("annotation." + k, Texts.cut(v, 1000)));
        return NormalisedEvent.unattributed(now, EventSource.ALERTMANAGER, resolved ? EventKind.CLEAR : EventKind.PROBLEM,
                name, severity, "alertmanager:" + NormalisedEvent.literal(fingerprint), a.startsAt(), instanceHost,
                NormalisedEvent.literal(message), attributes, clues);
    }

    /** A generic event from another monitor: {@code key} (or name + CI) is its reduction key. */
    public NormalisedEvent generic(String source, String ciHint, Severity severity, String name, String message,
            String key, boolean clear, Map<String, String> extra, Instant now) {
        String reduction = "api:" + NormalisedEvent.literal(key != null && !key.isBlank() ? key.trim() : name + ":")
                + (key != null && !key.isBlank() ? "" : NormalisedEvent.WHERE);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (source != null) {
            attributes.put("monitor", Texts.cut(source, 100));
        }
        if (extra != null) {
            extra.forEach((k, v) -> attributes.put(Texts.cut(k, 100), Texts.cut(v, 1000)));
        }
        Severity s = clear ? Severity.CLEARED : severity == null ? defaultSeverity : severity;
        return NormalisedEvent.unattributed(now, EventSource.API, clear ? EventKind.CLEAR : EventKind.PROBLEM, name, s,
                reduction, null, NormalisedEvent.literal(ciHint), NormalisedEvent.literal(message == null ? name : message),
                attributes, List.of(CiClue.host("ci", ciHint)));
    }

    /** The host of {@code host:port}, {@code [v6]:port}, a bare v6 literal or a URL-ish instance label. */
    public static String hostPart(String instance) {
        if (instance == null || instance.isBlank()) {
            return null;
        }
        String s = instance.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end > 0 ? s.substring(1, end) : s;
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && colon == s.lastIndexOf(':')) {
            return s.substring(0, colon); // host:port; several colons = a bare IPv6 literal
        }
        return s;
    }

    private static String fingerprintOf(Map<String, String> labels) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(labels).forEach((k, v) -> sha.update((k + "\u0000" + v + "\u0000").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
