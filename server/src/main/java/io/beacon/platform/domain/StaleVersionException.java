package io.beacon.platform.domain;

/** An update was based on a version that someone else has changed since. */
public class StaleVersionException extends ConflictException {
    public StaleVersionException(String what, long expected, long actual) {
        super("version", what + " was changed by someone else (your version " + expected
                + ", current version " + actual + "); reload and apply your change again");
    }
}
