package io.beacon.mail.application;

/** What a received mail became: {@code outcome} is opened, commented, noted (an internal note), reopened, follow_up, or rejected:&lt;reason&gt;. */
public record IntakeResult(String outcome, String ticketKey) {

    public boolean rejected() {
        return outcome.startsWith("rejected");
    }
}
