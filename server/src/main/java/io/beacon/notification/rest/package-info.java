/** {@code /api/notifications}: the signed-in user's notifications, their unread count, and marking them read. */
package io.beacon.notification.rest;
