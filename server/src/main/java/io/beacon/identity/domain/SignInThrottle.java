package io.beacon.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts failed sign-ins per account name and per client address and says when the next attempt
 * may be checked (see {@link SignInRules}). Names are counted whether or not such a user exists, so
 * that a back-off or a lock never tells an outsider which names are real. Only failures are kept:
 * a success forgets its account's failures (not its address's). Memory is bounded: when the book is
 * full, expired entries go first, then the least recently touched ones that are not locked.
 */
public final class SignInThrottle {
    private static final int EVICTION_SCAN = 64;

    private final SignInRules rules;
    private final FailureBook accounts;
    private final FailureBook addresses;

    public SignInThrottle(SignInRules rules) {
        this.rules = rules;
        this.accounts = new FailureBook(rules.maxTracked());
        this.addresses = new FailureBook(rules.maxTracked());
    }

    /** Whether an attempt for this account from this address may be checked now. */
    public synchronized SignInVerdict check(String account, String address, Instant now) {
        Failures a = account == null ? null : accounts.current(accountKey(account), now);
        if (a != null && a.lockedAt(now)) {
            return SignInVerdict.locked(Duration.between(now, a.lockedUntil));
        }
        Duration wait = max(a == null ? Duration.ZERO : a.waitAt(now, rules.backoffAfter()),
                addressWait(address, now));
        return !wait.isZero() && !wait.isNegative() ? SignInVerdict.backOff(wait) : SignInVerdict.ALLOWED;
    }

    /** Whether an attempt that names no account (a bearer token) from this address may be checked now. */
    public synchronized SignInVerdict checkAddress(String address, Instant now) {
        Duration wait = addressWait(address, now);
        return !wait.isZero() && !wait.isNegative() ? SignInVerdict.backOff(wait) : SignInVerdict.ALLOWED;
    }

    /** Counts a failed attempt; true when this failure locked the account. */
    public synchronized boolean failed(String account, String address, Instant now) {
        addressFailed(address, now);
        if (account == null) {
            return false;
        }
        Failures a = accounts.track(accountKey(account), now);
        a.fail(now);
        if (a.count >= rules.lockAfter() && a.lockedUntil == null) {
            a.lockedUntil = now.plus(rules.lockFor());
            return true;
        }
        return false;
    }

    public synchronized void addressFailed(String address, Instant now) {
        if (address != null) {
            addresses.track(address, now).fail(now);
        }
    }

    /** A right password: the account's failures are forgotten. */
    public synchronized void succeeded(String account) {
        if (account != null) {
            accounts.remove(accountKey(account));
        }
    }

    /** Lifts a lock or back-off of the account (an admin's decision); true if there was one. */
    public synchronized boolean unlock(String account, Instant now) {
        Failures removed = accounts.remove(accountKey(account));
        return removed != null && !removed.expiredAt(now);
    }

    public synchronized boolean isLocked(String account, Instant now) {
        Failures a = accounts.current(accountKey(account), now);
        return a != null && a.lockedAt(now);
    }

    /** How many accounts are locked now (a gauge for /metrics). */
    public synchronized int lockedAccounts(Instant now) {
        return (int) accounts.values().stream().filter(f -> f.lockedAt(now)).count();
    }

    synchronized int trackedAccounts() {
        return accounts.size();
    }

    synchronized int trackedAddresses() {
        return addresses.size();
    }

    private Duration addressWait(String address, Instant now) {
        Failures f = address == null ? null : addresses.current(address, now);
        return f == null ? Duration.ZERO : f.waitAt(now, rules.addressBackoffAfter());
    }

    private static String accountKey(String account) {
        return account.toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The failures of one account or address within the current window. */
    private final class Failures {
        Instant windowStart;
        Instant last;
        int count;
        Instant lockedUntil;

        Failures(Instant now) {
            windowStart = now;
            last = now;
        }

        void fail(Instant now) {
            if (!now.isBefore(windowStart.plus(rules.lockWindow())) && lockedUntil == null) {
                windowStart = now;
                count = 0;
            }
            count++;
            last = now;
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        Duration waitAt(Instant now, int threshold) {
            Instant next = last.plus(rules.delayAfter(count, threshold));
            return now.isBefore(next) ? Duration.between(now, next) : Duration.ZERO;
        }

        /** Nothing left to remember: the lock is over, or the window passed without one. */
        boolean expiredAt(Instant now) {
            if (lockedUntil != null) {
                return !now.isBefore(lockedUntil);
            }
            Instant windowEnd = windowStart.plus(rules.lockWindow());
            Instant backoffEnd = last.plus(rules.backoffMax());
            return !now.isBefore(windowEnd.isAfter(backoffEnd) ? windowEnd : backoffEnd);
        }
    }

    /** Failures by key, least recently touched first, holding at most {@code capacity} entries. */
    private final class FailureBook extends LinkedHashMap<String, Failures> {
        private final int capacity;

        FailureBook(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        /** The live entry for the key, if any; an expired one is dropped. */
        Failures current(String key, Instant now) {
            Failures f = get(key);
            if (f != null && f.expiredAt(now)) {
                remove(key);
                return null;
            }
            return f;
        }

        Failures track(String key, Instant now) {
            Failures f = current(key, now);
            if (f == null) {
                if (size() >= capacity) {
                    makeRoom(now);
                }
                f = new Failures(now);
                put(key, f);
            }
            return f;
        }

        private void makeRoom(Instant now) {
            values().removeIf(f -> f.expiredAt(now));
            if (size() < capacity) {
                return;
            }
            Iterator<Map.Entry<String, Failures>> eldest = entrySet().iterator();
            for (int i = 0; i < EVICTION_SCAN && eldest.hasNext(); i++) {
                if (!eldest.next().getValue().lockedAt(now)) {
                    eldest.remove();
                    return;
                }
            }
            Iterator<String> oldest = keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
