package io.beacon.platform.cluster;

/** A lease as stored: who holds it (empty: released), its epoch (the fencing token) and its holder's renewal count. */
public record LeaseRow(String holder, long epoch, long beat) {
    public boolean released() {
        return holder.isEmpty();
    }
}
