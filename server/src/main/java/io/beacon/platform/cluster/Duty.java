package io.beacon.platform.cluster;

/** Work that exactly one core node does at a time; each has its own lease row, named by {@link #leaseName()}. */
public enum Duty {
    /** The incident stage of the event pipeline: correlation and the incidents it opens, merges and resolves. */
    CORRELATION("correlation"),
    /** Polling the desk's mailbox: two nodes would read the same mail twice. */
    MAIL("mail");

    private final String leaseName;

    Duty(String leaseName) {
        this.leaseName = leaseName;
    }

    public String leaseName() {
        return leaseName;
    }
}
