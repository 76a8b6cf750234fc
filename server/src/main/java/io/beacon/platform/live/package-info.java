/** Live updates for the console: the {@link io.beacon.platform.live.LiveUpdate} event every area fires after commit, who may see it, and the port through which identity says whether a stream's sign-in still holds. */
package io.beacon.platform.live;
