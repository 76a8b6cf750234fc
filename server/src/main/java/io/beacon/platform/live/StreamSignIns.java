package io.beacon.platform.live;

import io.beacon.platform.domain.Actor;

/**
 * The sign-in a live stream is opened with, and whether it still holds: the stream knows no
 * sign-in rules, the identity area implements this port with its own.
 */
public interface StreamSignIns {
    /** The sign-in of the current request, which must be authenticated. */
    StreamSignIn ofCurrentRequest();

    /** One stream's sign-in; asked from the stream's own threads, long after its request ended. */
    interface StreamSignIn {
        Actor actor();

        /** False once it was signed out, expired or revoked, or its user can no longer sign in. */
        boolean holds();
    }
}
