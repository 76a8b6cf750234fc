package io.beacon.platform.cluster;

/** This node no longer holds a duty it was carrying out: its transaction must not commit. */
public class LeadershipLostException extends RuntimeException {
    public LeadershipLostException(Duty duty, String why) {
        super("This node no longer holds the " + duty.leaseName() + " lease: " + why);
    }
}
