/** JPA storage of the mail channel: Message-ID records, the outbox and the templates. */
package io.beacon.mail.persistence;
