/** Writes notifications where they arise (an @mention), lists them to their recipient and marks them read. */
package io.beacon.notification.application;
