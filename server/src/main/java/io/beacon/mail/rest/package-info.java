/** The mail channel's REST API for administrators: the outbox and the notification templates. */
package io.beacon.mail.rest;
