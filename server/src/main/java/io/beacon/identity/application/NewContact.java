package io.beacon.identity.application;

/**
 * A requester the desk records (a phone call from someone Beacon does not know yet): a name, an
 * e-mail address, optionally a phone number and an organisation (its id or name).
 */
public record NewContact(String displayName, String email, String phone, String organisation) {}
