/** Live updates for the console: the {@link io.beacon.platform.live.LiveUpdate} event every area fires after commit, and who may see it. */
package io.beacon.platform.live;
