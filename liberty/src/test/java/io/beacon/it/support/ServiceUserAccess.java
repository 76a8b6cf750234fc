package io.beacon.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;

/**
 * Real peers that a test starts as root run as their Debian service user (mysql, dovecot), which
 * must be able to reach its work directory under the build's: a test's temporary directories and a
 * checkout under /root are private.
 */
public final class ServiceUserAccess {
    private ServiceUserAccess() {}

    /** Lets every user pass through {@code dir} and each folder above it (search, not read). */
    public static void letThrough(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            var permissions = EnumSet.copyOf(Files.getPosixFilePermissions(p));
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(p, permissions);
            }
        }
    }
}
